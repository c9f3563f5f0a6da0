package dev.hotcold.transport.inmemory;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.TransportFaultTest;
import java.io.IOException;
import java.net.SocketAddress;

/** The fault suite in memory: bad bytes, a strategy that throws, floods and shutdown under load. */
class InMemoryFaultTest extends TransportFaultTest {

    @Override
    protected Transport newTransport() {
        return new InMemoryTransport();
    }

    @Override
    protected RawClient openRaw(SocketAddress address) throws IOException {
        return new InMemoryConformanceTest.LinkRawClient(InMemoryServer.lookup(address).accept());
    }

    @Override
    protected boolean usesSockets() {
        return false;   // no TCP, no descriptors, no clock
    }
}
