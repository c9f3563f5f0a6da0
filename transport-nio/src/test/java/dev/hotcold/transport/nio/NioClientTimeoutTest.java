package dev.hotcold.transport.nio;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.FullBacklog;
import dev.hotcold.testkit.TransportClientTimeoutTest;
import dev.hotcold.testkit.Unaccepting;
import java.io.IOException;
import java.util.Optional;

class NioClientTimeoutTest extends TransportClientTimeoutTest {
    @Override
    protected Transport newTransport() {
        return new NioTransport();
    }

    @Override
    protected Optional<Unaccepting> unaccepting() throws IOException {
        return Optional.of(new FullBacklog());
    }
}
