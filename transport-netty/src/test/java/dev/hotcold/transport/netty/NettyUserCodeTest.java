package dev.hotcold.transport.netty;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.SocketRawClient;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.TransportUserCodeTest;
import java.io.IOException;
import java.net.SocketAddress;
import org.junit.jupiter.api.Nested;

/** The usercode suite on each I/O kind that loads here, and over TLS on io_uring. */
class NettyUserCodeTest {

    @Nested
    class OnNio extends TransportUserCodeTest {
        IoKind io() {
            return IoKind.NIO;
        }

        @Override
        protected Transport newTransport() {
            assumeTrue(io().isAvailable(), () -> io().optionName() + " does not load here: " + io().unavailabilityCause().orElseThrow());
            return new NettyTransport(io(), 1);
        }

        @Override
        protected RawClient openRaw(SocketAddress address) throws IOException {
            return new SocketRawClient(address);
        }
    }

    @Nested
    class OnEpoll extends OnNio {
        @Override
        IoKind io() {
            return IoKind.EPOLL;
        }
    }

    @Nested
    class OnIoUring extends OnNio {
        @Override
        IoKind io() {
            return IoKind.IO_URING;
        }
    }

    @Nested
    class OverTlsOnIoUring extends OnIoUring {
        @Override
        protected boolean overTls() {
            return true;
        }
    }
}
