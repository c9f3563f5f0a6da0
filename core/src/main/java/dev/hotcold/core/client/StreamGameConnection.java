package dev.hotcold.core.client;

import dev.hotcold.core.codec.ReplyReader;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A {@link GameConnection} over a pair of byte streams, such as a socket's. Commands are buffered
 * and written together on {@link #flush()} or {@link #receive()}, so a round costs one write.
 *
 * <pre>{@code
 * Socket socket = new Socket(host, port);
 * GameConnection connection = new StreamGameConnection(
 *         socket.getInputStream(), socket.getOutputStream(), socket);
 * }</pre>
 */
public final class StreamGameConnection implements GameConnection {
    private static final int BUFFER_SIZE = 4096;

    private final InputStream in;
    private final OutputStream out;
    private final Closeable resource;
    private final ReplyReader replies = new ReplyReader();
    private final ByteBuffer inBuffer = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final ByteBuffer outBuffer = ByteBuffer.allocate(BUFFER_SIZE);
    private boolean closed;

    /**
     * A connection over an input and an output stream of the same connection.
     *
     * @param resource closed by {@link #close()} after the streams, such as the socket
     * @param in the server's bytes
     * @param out where the commands are written
     */
    public StreamGameConnection(InputStream in, OutputStream out, Closeable resource) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    @Override
    public void send(Command command) throws IOException {
        ensureOpen();
        if (outBuffer.remaining() < Wire.MAX_COMMAND_BYTES) {
            flush();
        }
        Wire.writeCommand(outBuffer, command);
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (outBuffer.position() > 0) {
            out.write(outBuffer.array(), 0, outBuffer.position());
            out.flush();
            outBuffer.clear();
        }
    }

    @Override
    public Reply receive() throws IOException {
        flush();
        while (true) {
            Reply reply = replies.next(inBuffer);
            if (reply != null) {
                return reply;
            }
            int read = in.read(inBuffer.array(), 0, inBuffer.capacity());
            if (read < 0) {
                throw new EOFException(replies.startedLikeTls()
                            ? "connection closed by the server, whose bytes were TLS: connect with TLS"
                            : "connection closed by the server");
            }
            inBuffer.limit(read).position(0);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } catch (IOException ignored) {
            // Closing anyway; what could not be sent is lost with the connection.
        } finally {
            closed = true;
            resource.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("connection is closed");
        }
    }
}
