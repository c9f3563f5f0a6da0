package dev.hotcold.transport.netty;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.TransportTlsTest;

/** TLS through Netty's SslHandler, on the best I/O that loads here. */
class NettyTlsTest extends TransportTlsTest {
    @Override
    protected Transport newTransport() {
        return new NettyTransport();
    }
}
