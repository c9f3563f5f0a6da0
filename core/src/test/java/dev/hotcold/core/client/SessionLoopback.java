package dev.hotcold.core.client;

import dev.hotcold.core.codec.ReplyReader;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.session.ServerSession;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Test double: a blocking connection wired to a {@link ServerSession} on the calling thread.
 * Records the commands it carried. {@link #async()} gives the asynchronous API over it, with every
 * stage completing at once.
 */
final class SessionLoopback implements GameConnection {
    final List<String> sent = new ArrayList<>();
    private final ServerSession session;
    private final ReplyReader replies = new ReplyReader();
    private ByteBuffer replyBytes = ByteBuffer.allocate(0);
    int flushes;
    boolean closed;

    SessionLoopback(GuessStrategy strategy) {
        session = new ServerSession(strategy, 1024, false);
    }

    @Override
    public void send(Command command) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        sent.add(command.line());
        ByteBuffer bytes = ByteBuffer.allocate(Wire.MAX_COMMAND_BYTES);
        Wire.writeCommand(bytes, command);
        bytes.flip();
        ByteBuffer out = ByteBuffer.allocate(replyBytes.remaining() + Wire.MAX_REPLY_BYTES * 2);
        out.put(replyBytes);
        session.receive(bytes, out);
        replyBytes = out.flip();
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public Reply receive() throws IOException {
        Reply reply = replies.next(replyBytes);
        if (reply == null) {
            throw new EOFException("no reply");
        }
        return reply;
    }

    /** The asynchronous API over this connection; stages complete before they are returned. */
    AsyncGameConnection async() {
        SessionLoopback blocking = this;
        return new AsyncGameConnection() {
            @Override
            public CompletionStage<Void> send(Command command) {
                blocking.send(command);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Reply> receive() {
                try {
                    return CompletableFuture.completedFuture(blocking.receive());
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public void close() {
                blocking.close();
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
