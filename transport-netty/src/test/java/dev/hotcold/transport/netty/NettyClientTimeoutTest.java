package dev.hotcold.transport.netty;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.FullBacklog;
import dev.hotcold.testkit.TransportClientTimeoutTest;
import dev.hotcold.testkit.Unaccepting;
import java.io.IOException;
import java.util.Optional;

class NettyClientTimeoutTest extends TransportClientTimeoutTest {
    @Override
    protected Transport newTransport() {
        return new NettyTransport();
    }

    @Override
    protected Optional<Unaccepting> unaccepting() throws IOException {
        return Optional.of(new FullBacklog());
    }
}
