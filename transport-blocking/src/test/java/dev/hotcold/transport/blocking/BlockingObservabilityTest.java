package dev.hotcold.transport.blocking;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.ChannelRawClient;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.TransportObservabilityTest;
import java.io.IOException;
import java.net.SocketAddress;

class BlockingObservabilityTest extends TransportObservabilityTest {
    @Override
    protected Transport newTransport() {
        return new BlockingTransport();
    }

    @Override
    protected RawClient openRaw(SocketAddress address) throws IOException {
        return new ChannelRawClient(address);
    }
}
