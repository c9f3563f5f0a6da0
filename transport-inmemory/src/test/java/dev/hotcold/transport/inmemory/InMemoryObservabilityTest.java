package dev.hotcold.transport.inmemory;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.TransportObservabilityTest;
import java.io.IOException;
import java.net.SocketAddress;

class InMemoryObservabilityTest extends TransportObservabilityTest {
    @Override
    protected Transport newTransport() {
        return new InMemoryTransport();
    }

    @Override
    protected RawClient openRaw(SocketAddress address) throws IOException {
        return new InMemoryConformanceTest.LinkRawClient(InMemoryServer.lookup(address).accept());
    }

    @Override
    protected boolean enforcesIdleTimeout() {
        return false;   // no clock here
    }
}
