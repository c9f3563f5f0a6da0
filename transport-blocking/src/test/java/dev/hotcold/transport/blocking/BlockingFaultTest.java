package dev.hotcold.transport.blocking;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.SocketRawClient;
import dev.hotcold.testkit.TransportFaultTest;
import java.io.IOException;
import java.net.SocketAddress;
import org.junit.jupiter.api.Nested;

/** The fault suite on both kinds of thread. */
class BlockingFaultTest {

    @Nested
    class OnVirtualThreads extends TransportFaultTest {
        @Override
        protected Transport newTransport() {
            return new BlockingTransport(ThreadKind.VIRTUAL);
        }

        @Override
        protected RawClient openRaw(SocketAddress address) throws IOException {
            return new SocketRawClient(address);
        }
    }

    @Nested
    class OnPlatformThreads extends TransportFaultTest {
        @Override
        protected Transport newTransport() {
            return new BlockingTransport(ThreadKind.PLATFORM);
        }

        @Override
        protected RawClient openRaw(SocketAddress address) throws IOException {
            return new SocketRawClient(address);
        }
    }

    /** The same suite over TLS, on virtual threads. */
    @Nested
    class OverTls extends OnVirtualThreads {
        @Override
        protected boolean overTls() {
            return true;
        }
    }
}
