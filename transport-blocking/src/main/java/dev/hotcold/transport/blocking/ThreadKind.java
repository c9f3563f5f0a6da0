package dev.hotcold.transport.blocking;

import java.util.concurrent.ThreadFactory;

/** Which threads serve the connections of a {@link BlockingTransport}. */
public enum ThreadKind {
    /** Virtual threads: cheap to create and to park, so a connection costs little while idle. */
    VIRTUAL,
    /** Platform (operating-system) threads, one per connection, as the protocol's reference server has. */
    PLATFORM;

    /** A factory of daemon threads of this kind named {@code prefix0}, {@code prefix1}, ... */
    ThreadFactory factory(String prefix) {
        return switch (this) {
            case VIRTUAL -> Thread.ofVirtual().name(prefix, 0).factory();
            case PLATFORM -> Thread.ofPlatform().name(prefix, 0).daemon(true).factory();
        };
    }
}
