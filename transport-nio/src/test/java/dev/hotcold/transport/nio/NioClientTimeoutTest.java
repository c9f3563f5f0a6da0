package dev.hotcold.transport.nio;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.SocketClientTimeoutTest;

class NioClientTimeoutTest extends SocketClientTimeoutTest {
    @Override
    protected Transport newTransport() {
        return new NioTransport();
    }
}
