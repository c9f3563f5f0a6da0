/**
 * The Netty transport: hotcold's sans-I/O session in a Netty 4.2 pipeline, on NIO, epoll or
 * io_uring event loops, and a handler a Netty user adds to a pipeline of their own.
 */
module dev.hotcold.transport.netty {
    requires transitive dev.hotcold.core;
    requires dev.hotcold.socket;
    requires transitive io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.classes.io_uring;

    exports dev.hotcold.transport.netty;

    provides dev.hotcold.core.transport.Transport with dev.hotcold.transport.netty.NettyTransport;
}
