/** The in-VM transport: named endpoints over bounded pipes, and a thread-free direct mode. */
module dev.hotcold.transport.inmemory {
    requires transitive dev.hotcold.core;

    exports dev.hotcold.transport.inmemory;
}
