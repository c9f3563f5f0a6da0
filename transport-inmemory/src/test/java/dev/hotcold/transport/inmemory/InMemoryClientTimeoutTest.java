package dev.hotcold.transport.inmemory;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.TransportClientTimeoutTest;

/** The client-timeout suite; connecting never waits here, so its connect tests are skipped. */
class InMemoryClientTimeoutTest extends TransportClientTimeoutTest {
    @Override
    protected Transport newTransport() {
        return new InMemoryTransport();
    }
}
