package dev.hotcold.transport.inmemory;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.TransportConformanceTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

class InMemoryConformanceTest extends TransportConformanceTest {

    @Override
    protected Transport newTransport() {
        return new InMemoryTransport();
    }

    @Override
    protected boolean enforcesIdleTimeout() {
        return false;   // no clock here
    }

    @Override
    protected RawClient openRaw(SocketAddress address) throws IOException {
        return new LinkRawClient(InMemoryServer.lookup(address).accept());
    }

    /** Raw bytes straight into a link. */
    static final class LinkRawClient implements RawClient {
        private final Link link;
        private final ByteBuffer buffer = ByteBuffer.allocate(4096).flip();

        LinkRawClient(Link link) {
            this.link = link;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            link.write(ByteBuffer.wrap(bytes));
        }

        @Override
        public String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        return line.toString(StandardCharsets.ISO_8859_1);
                    }
                    line.write(b);
                }
                buffer.clear();
                int read = link.read(buffer);
                buffer.flip();
                if (read < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
                }
            }
        }

        @Override
        public void abort() {
            link.closeClient();
        }

        @Override
        public void close() {
            link.closeClient();
        }
    }
}
