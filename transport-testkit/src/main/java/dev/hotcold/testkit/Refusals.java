package dev.hotcold.testkit;

import java.io.IOException;

/**
 * How a refused client fares over TLS: the server closes it before any handshake, since a TLS
 * client could not read the plain-text {@code ERROR server busy}, so connecting fails, or the
 * first read finds the end of the stream.
 */
final class Refusals {
    /** What {@link #overTls} says of a client closed without being served. */
    static final String CLOSED = "closed without a handshake";

    private Refusals() {}

    /** Opens a client over TLS and says how it was turned away. */
    static String overTls(Opener open) {
        RawClient client;
        try {
            client = open.open();   // a TLS raw client returns once its handshake is done
        } catch (IOException closed) {
            return CLOSED;
        }
        try (client) {
            return "handshake done: admitted";
        } catch (IOException e) {
            return "handshake done: admitted (" + e + ")";
        }
    }

    /** Opens a raw client. */
    @FunctionalInterface
    interface Opener {
        RawClient open() throws IOException;
    }
}
