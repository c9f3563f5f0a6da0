package dev.hotcold.transport.nio;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.SocketRawClient;
import dev.hotcold.testkit.TransportUserCodeTest;
import java.io.IOException;
import java.net.SocketAddress;

class NioUserCodeTest extends TransportUserCodeTest {
    @Override
    protected Transport newTransport() {
        return new NioTransport();
    }

    @Override
    protected RawClient openRaw(SocketAddress address) throws IOException {
        return new SocketRawClient(address);
    }
}
