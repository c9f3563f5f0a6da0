package dev.hotcold.transport.nio;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.TransportTlsTest;

class NioTlsTest extends TransportTlsTest {
    @Override
    protected Transport newTransport() {
        return new NioTransport();
    }
}
