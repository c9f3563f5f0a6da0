package dev.hotcold.transport.blocking;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.TransportTlsTest;

class BlockingTlsTest extends TransportTlsTest {
    @Override
    protected Transport newTransport() {
        return new BlockingTransport();
    }
}
