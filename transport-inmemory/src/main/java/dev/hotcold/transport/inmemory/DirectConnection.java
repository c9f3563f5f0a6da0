package dev.hotcold.transport.inmemory;

import dev.hotcold.core.boundary.UserCode;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.codec.LineFramer;
import dev.hotcold.core.events.ServerEvent;
import dev.hotcold.core.codec.ReplyReader;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.session.ServerSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The direct mode: a client connection wired straight to a server session, on the calling thread,
 * with no thread, pipe, lock or name. Each {@link #flush()} runs the session on the commands sent
 * so far, so a test is deterministic step by step, as with Netty's {@code EmbeddedChannel}.
 *
 * <pre>{@code
 * try (GameConnection connection = new DirectConnection(GuessStrategy.random(42));
 *      Game game = Game.start(connection, 1, 5, 3)) {
 *     List<Outcome> outcomes = game.play();
 * }
 * }</pre>
 *
 * <p>Replies not yet received are kept, however many there are. {@link #receive()} throws
 * instead of waiting when the session has nothing to say. Not thread-safe.
 */
public final class DirectConnection implements GameConnection {
    private static final int INITIAL_BUFFER = 1024;

    private final ServerSession session;
    private final GameListener listener;
    private final ReplyReader replies = new ReplyReader();
    private ByteBuffer requests = ByteBuffer.allocate(INITIAL_BUFFER);
    private ByteBuffer replyBytes = ByteBuffer.allocate(INITIAL_BUFFER).flip();
    private boolean closed;

    /**
     * A connection to a fresh session using {@code strategy}, with no listener.
     *
     * @param strategy picks the session's guesses
     */
    public DirectConnection(GuessStrategy strategy) {
        this(strategy, GameListener.NONE);
    }

    /**
     * A connection to a fresh session using {@code strategy} and {@code listener}. The listener
     * hears the session's events on the calling thread, after each {@link #flush()}, naming
     * {@link ConnectionInfo#DETACHED}; what it throws is logged and ignored, as on a server.
     *
     * @param strategy picks the session's guesses
     * @param listener hears about the session's games, reports and errors
     */
    public DirectConnection(GuessStrategy strategy, GameListener listener) {
        this(new ServerSession(strategy, LineFramer.DEFAULT_MAX_LINE_LENGTH, listener != GameListener.NONE), listener);
    }

    /**
     * A connection to {@code session}, which it then owns; the session's events go nowhere but
     * the log (a failing strategy is logged).
     *
     * @param session the session to talk to
     */
    public DirectConnection(ServerSession session) {
        this(session, GameListener.NONE);
    }

    private DirectConnection(ServerSession session, GameListener listener) {
        this.session = Objects.requireNonNull(session, "session");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The server's session, to look at its state in tests.
     *
     * @return the session this connection talks to
     */
    public ServerSession session() {
        return session;
    }

    @Override
    public void send(Command command) throws IOException {
        ensureOpen();
        if (requests.remaining() < Wire.MAX_COMMAND_BYTES) {
            flush();
        }
        Wire.writeCommand(requests, command);
    }

    /**
     * Writes raw bytes to the session, as a client that bypasses the command API would.
     *
     * @param bytes the bytes to hand to the session, as they are
     * @throws IOException if the connection is closed
     */
    public void sendBytes(byte[] bytes) throws IOException {
        ensureOpen();
        flush();
        feed(ByteBuffer.wrap(bytes));
    }

    /** Runs the session on every command sent so far. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        feed(requests.flip());
        requests.clear();
    }

    /**
     * The next reply the session made.
     *
     * @throws IOException if the session has made no reply that was not received yet (a real
     *     connection would wait forever here)
     */
    @Override
    public Reply receive() throws IOException {
        flush();
        Reply reply = replies.next(replyBytes);
        if (reply == null) {
            throw new IOException("the server has no reply to give: every command sent so far is answered");
        }
        return reply;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void feed(ByteBuffer in) {
        while (in.hasRemaining()) {
            ByteBuffer window = replyWindow();
            boolean consumedAll = session.receive(in, window);
            replyBytes.limit(window.position());
            ServerEvent event;
            while ((event = session.events().poll()) != null) {
                UserCode.deliver(event, listener, ConnectionInfo.DETACHED);
            }
            if (consumedAll || session.isFinished()) {
                break;
            }
        }
    }

    /** The free space after the unread replies, at least one reply long. */
    private ByteBuffer replyWindow() {
        replyBytes.compact();   // now in write mode: unread replies first, then free space
        if (replyBytes.remaining() < Wire.MAX_REPLY_BYTES) {
            ByteBuffer grown = ByteBuffer.allocate(replyBytes.capacity() * 2);
            grown.put(replyBytes.flip());
            replyBytes = grown;
        }
        ByteBuffer window = replyBytes.duplicate();
        replyBytes.flip();
        return window;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("connection is closed");
        }
    }
}
