package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/** The client's ends of a {@link Link} as streams, for a blocking connection. */
final class LinkStreams {
    private LinkStreams() {}

    /**
     * Reads replies: {@link Link#read(ByteBuffer, long)}, with -1 at the end, and a
     * {@link ClientTimeoutException} when {@code options}' reply timeout runs out.
     */
    static InputStream input(Link link, SocketAddress address, ClientOptions options) {
        long timeoutNanos = options.replyTimeout().toNanos();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                int count = link.read(ByteBuffer.wrap(bytes, offset, length), timeoutNanos);
                if (count == Link.TIMED_OUT) {
                    throw ClientTimeoutException.reply(address, options.replyTimeout());
                }
                return count;
            }
        };
    }

    /**
     * Writes requests: {@link Link#write(ByteBuffer, long)}, and a {@link ClientTimeoutException}
     * when the server has taken no request for {@code options}' reply timeout.
     */
    static OutputStream output(Link link, SocketAddress address, ClientOptions options) {
        long timeoutNanos = options.replyTimeout().toNanos();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (!link.write(ByteBuffer.wrap(bytes, offset, length), timeoutNanos)) {
                    throw ClientTimeoutException.send(address, options.replyTimeout());
                }
            }
        };
    }
}
