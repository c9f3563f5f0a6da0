package dev.hotcold.transport.nio;

import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.SocketRawClient;
import dev.hotcold.testkit.TransportFaultTest;
import java.io.IOException;
import java.net.SocketAddress;

/** The fault suite on the NIO transport. */
class NioFaultTest extends TransportFaultTest {

    @Override
    protected Transport newTransport() {
        return new NioTransport();
    }

    @Override
    protected RawClient openRaw(SocketAddress address) throws IOException {
        return new SocketRawClient(address);
    }

    @Override
    protected void shrinkServerSendBuffers(GameServer server, int bytes) {
        NioProbe.setSendBufferSizes(server, bytes);
    }
}
