package dev.hotcold.testkit;

import java.io.Closeable;
import java.io.IOException;

/**
 * A client that writes protocol bytes by hand and reads reply lines, bypassing the library's
 * client, so tests can send anything at all. Each transport's test supplies one.
 */
public interface RawClient extends Closeable {

    /**
     * Writes {@code bytes} and pushes them to the server at once.
     *
     * @param bytes the bytes to send, as they are
     * @throws IOException if writing fails
     */
    void write(byte[] bytes) throws IOException;

    /**
     * The next line from the server without its terminator, or null at end of stream.
     *
     * @return the line, or null
     * @throws IOException if reading fails
     */
    String readLine() throws IOException;

    /**
     * Leaves without a goodbye: closes abruptly (a TCP reset where the transport has one).
     *
     * @throws IOException if closing fails
     */
    void abort() throws IOException;

    /**
     * Says it will send nothing more but keeps reading, as {@code nc -N} does: a TCP half-close.
     *
     * @throws UnsupportedOperationException where the transport has no such thing
     * @throws IOException if the half-close fails
     */
    default void shutdownOutput() throws IOException {
        throw new UnsupportedOperationException("no half-close on this transport");
    }
}
