package dev.hotcold.transport.inmemory;

import java.nio.ByteBuffer;

/**
 * A bounded queue of bytes, one direction of a {@link Link}. Not thread-safe: the link's lock
 * guards it. The data sits in {@code [position, limit)} of one buffer, compacted when the free
 * space at the end runs short.
 */
final class BytePipe {
    private final ByteBuffer buffer;

    BytePipe(int capacity) {
        buffer = ByteBuffer.allocate(capacity).flip();
    }

    int size() {
        return buffer.remaining();
    }

    int free() {
        return buffer.capacity() - buffer.remaining();
    }

    /** The queued bytes, for a consumer that reads them in place; reading advances the queue. */
    ByteBuffer data() {
        return buffer;
    }

    /** Appends as much of {@code src} as fits. */
    void write(ByteBuffer src) {
        ByteBuffer window = writeWindow();
        int count = Math.min(window.remaining(), src.remaining());
        window.put(window.position(), src, src.position(), count);
        window.position(window.position() + count);
        src.position(src.position() + count);
        commit(window);
    }

    /** Moves up to {@code dst.remaining()} bytes into {@code dst}; returns how many. */
    int read(ByteBuffer dst) {
        int count = Math.min(dst.remaining(), buffer.remaining());
        dst.put(dst.position(), buffer, buffer.position(), count);
        dst.position(dst.position() + count);
        buffer.position(buffer.position() + count);
        return count;
    }

    /** Drops the first {@code count} queued bytes, which a consumer copied out. */
    void skip(int count) {
        buffer.position(buffer.position() + count);
    }

    /**
     * All the free space as one writable buffer, after compacting. Write into it, then pass it to
     * {@link #commit}.
     */
    private ByteBuffer writeWindow() {
        if (buffer.position() > 0) {
            buffer.compact().flip();
        }
        return buffer.duplicate().position(buffer.limit()).limit(buffer.capacity());
    }

    /** Makes what was written into {@code window} part of the queue. */
    private void commit(ByteBuffer window) {
        buffer.limit(window.position());
    }

    void clear() {
        buffer.clear().flip();
    }
}
