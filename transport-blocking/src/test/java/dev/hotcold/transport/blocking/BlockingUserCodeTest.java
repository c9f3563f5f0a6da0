package dev.hotcold.transport.blocking;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.SocketRawClient;
import dev.hotcold.testkit.TransportUserCodeTest;
import java.io.IOException;
import java.net.SocketAddress;
import org.junit.jupiter.api.Nested;

/** The user-code suite on both kinds of thread. */
class BlockingUserCodeTest {

    @Nested
    class OnVirtualThreads extends TransportUserCodeTest {
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
    class OnPlatformThreads extends TransportUserCodeTest {
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
