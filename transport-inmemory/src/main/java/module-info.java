/** The in-VM transport: named endpoints over bounded pipes, and a thread-free direct mode. */
module dev.hotcold.transport.inmemory {
    requires transitive dev.hotcold.core;

    exports dev.hotcold.transport.inmemory;

    provides dev.hotcold.core.transport.Transport with dev.hotcold.transport.inmemory.InMemoryTransport;
}
