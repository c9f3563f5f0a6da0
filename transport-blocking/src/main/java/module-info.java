/** The blocking-socket transport: a thread per connection, virtual or platform. */
module dev.hotcold.transport.blocking {
    requires transitive dev.hotcold.core;
    requires dev.hotcold.socket;

    exports dev.hotcold.transport.blocking;

    provides dev.hotcold.core.transport.Transport with dev.hotcold.transport.blocking.BlockingTransport;
}
