/** The NIO transport: selector event loops for a non-blocking server and a multiplexed client. */
module dev.hotcold.transport.nio {
    requires transitive dev.hotcold.core;
    requires dev.hotcold.socket;

    exports dev.hotcold.transport.nio;

    provides dev.hotcold.core.transport.Transport with dev.hotcold.transport.nio.NioTransport;
}
