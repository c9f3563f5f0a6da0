package dev.hotcold.transport.inmemory;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.TransportUserCodeTest;
import java.io.IOException;
import java.net.SocketAddress;

class InMemoryUserCodeTest extends TransportUserCodeTest {
    @Override
    protected Transport newTransport() {
        return new InMemoryTransport();
    }

    @Override
    protected RawClient openRaw(SocketAddress address) throws IOException {
        return new InMemoryConformanceTest.LinkRawClient(InMemoryServer.lookup(address).accept());
    }
}
