package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.ClientDeadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The client's ends of a {@link Link} as streams, for a blocking connection, with one
 * {@link ClientDeadline} over both: a wait that runs out closes the client side, and the call
 * that was waiting throws the deadline's {@link dev.hotcold.core.client.ClientTimeoutException}.
 */
final class LinkStreams {
    private LinkStreams() {}

    /** Reads replies: {@link Link#read}, with -1 at the end. */
    static InputStream input(Link link, ClientDeadline deadline) {
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
                try {
                    return link.read(ByteBuffer.wrap(bytes, offset, length), deadline);
                } catch (IOException e) {
                    throw deadline.exit() ? deadline.exception(e) : e;
                }
            }
        };
    }

    /** Writes requests: {@link Link#write}. */
    static OutputStream output(Link link, ClientDeadline deadline) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                try {
                    link.write(ByteBuffer.wrap(bytes, offset, length), deadline);
                } catch (IOException e) {
                    throw deadline.exit() ? deadline.exception(e) : e;
                }
            }
        };
    }
}
