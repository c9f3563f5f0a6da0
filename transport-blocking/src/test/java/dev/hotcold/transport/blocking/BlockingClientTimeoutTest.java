package dev.hotcold.transport.blocking;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.SocketClientTimeoutTest;

class BlockingClientTimeoutTest extends SocketClientTimeoutTest {
    @Override
    protected Transport newTransport() {
        return new BlockingTransport();
    }
}
