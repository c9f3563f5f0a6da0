package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.ReplyReader;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.protocol.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A blocking client connection over a {@link Link}. */
final class InMemoryConnection implements GameConnection {
    private static final int BUFFER_SIZE = 1024;

    private final Link link;
    private final ReplyReader replies = new ReplyReader();
    private final ByteBuffer outBuffer = ByteBuffer.allocate(BUFFER_SIZE);
    private final ByteBuffer inBuffer = ByteBuffer.allocate(BUFFER_SIZE).flip();

    InMemoryConnection(Link link) {
        this.link = link;
    }

    @Override
    public void send(Command command) throws IOException {
        if (outBuffer.remaining() < Wire.MAX_COMMAND_BYTES) {
            flush();
        }
        Wire.writeCommand(outBuffer, command);
    }

    @Override
    public void flush() throws IOException {
        if (outBuffer.position() > 0) {
            link.write(outBuffer.flip());
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
            inBuffer.clear();
            int read = link.read(inBuffer);
            inBuffer.flip();
            if (read < 0) {
                throw new EOFException("connection closed by the server");
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } catch (IOException ignored) {
            // Closing anyway.
        } finally {
            link.closeClient();
        }
    }
}
