package dev.hotcold.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Bytes written but not yet taken by the socket, for one connection. Empty most of the time, and
 * then it holds no array at all: one is made when a write stalls and dropped once it drains.
 */
final class OutboundBuffer {
    private static final int MIN_CAPACITY = 256;

    /** Read mode: the unsent bytes are [position, limit). Null when empty. */
    private ByteBuffer pending;

    boolean isEmpty() {
        return pending == null;
    }

    int size() {
        return pending == null ? 0 : pending.remaining();
    }

    /** Appends all of {@code bytes}. */
    void append(ByteBuffer bytes) {
        int needed = size() + bytes.remaining();
        if (pending == null) {
            pending = ByteBuffer.allocate(Math.max(MIN_CAPACITY, needed));
            pending.put(bytes).flip();
            return;
        }
        if (pending.capacity() - pending.limit() >= bytes.remaining()) {
            // Room after the data: append in place. Compacting every time would copy all that
            // waits on each append, quadratic while a peer does not read.
            int end = pending.limit();
            pending.limit(end + bytes.remaining());
            pending.put(end, bytes, bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
            return;
        }
        if (pending.capacity() < needed) {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(needed, pending.capacity() * 2));
            grown.put(pending);
            pending = grown;
        } else {
            pending.compact();
        }
        pending.put(bytes).flip();
    }

    /**
     * Writes what the socket takes.
     *
     * @return bytes written
     */
    int writeTo(SocketChannel channel) throws IOException {
        if (pending == null) {
            return 0;
        }
        int written = channel.write(pending);
        if (!pending.hasRemaining()) {
            pending = null;
        }
        return written;
    }

    void clear() {
        pending = null;
    }
}
