package dev.hotcold.transport.inmemory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** The client's ends of a {@link Link} as streams, for a blocking connection. */
final class LinkStreams {
    private LinkStreams() {}

    /** Reads replies: {@link Link#read}, with -1 at the end. */
    static InputStream input(Link link) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : link.read(ByteBuffer.wrap(bytes, offset, length));
            }
        };
    }

    /** Writes requests: {@link Link#write}. */
    static OutputStream output(Link link) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                link.write(ByteBuffer.wrap(bytes, offset, length));
            }
        };
    }
}
