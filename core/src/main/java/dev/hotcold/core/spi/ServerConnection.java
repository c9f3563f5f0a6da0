package dev.hotcold.core.spi;

import dev.hotcold.core.session.ConnectionInfo;
import dev.hotcold.core.session.ServerSession;
import java.nio.ByteBuffer;

/**
 * Core's side of one admitted connection: its session, its last activity for the idle timeout,
 * and the handshake that lets graceful shutdown end it between games.
 *
 * <p>The transport calls {@link #receive}, {@link #sent} and {@link #isFinished()} from the
 * connection's thread, one at a time. Shutdown comes from another thread, and the handshake works
 * whatever the transport's threading: {@link #receive} marks the connection busy, then looks for
 * a shutdown request; after the session ran it publishes whether a game is in play, clears busy
 * and looks again. Shutdown sets the request, then looks at both flags and ends the input only
 * when the connection is neither busy nor in a game. The flags are volatile, so at least one side
 * sees the other: either the session is told to finish (at once, or after the game's
 * {@code CLEAR}), or shutdown ends an idle connection's input. Per call that is two volatile
 * writes and no lock.
 */
public final class ServerConnection {
    private final ServerLifecycle server;
    private final Channel channel;
    private final ServerSession session;
    private final ConnectionInfo info;
    private final boolean trackIdle;
    private volatile boolean busy;
    private volatile boolean inGame;
    private volatile boolean finishRequested;
    /** {@link ServerLifecycle#now()} when bytes last moved; kept only with an idle timeout. */
    private volatile long lastActive;

    /** Requests that came before the transport was ready for them: see {@link #start()}. */
    private final Object startLock = new Object();
    private boolean started;
    private boolean closePending;
    private boolean endInputPending;

    ServerConnection(ServerLifecycle server, Channel channel, ServerSession session, ConnectionInfo info, long now) {
        this.server = server;
        this.channel = channel;
        this.session = session;
        this.info = info;
        this.trackIdle = server.idleScanIntervalNanos() != 0;
        this.lastActive = now;
    }

    /**
     * Which connection this is: its number within the server and the client's address.
     *
     * @return the connection's identity
     */
    public ConnectionInfo info() {
        return info;
    }

    /**
     * The transport's side of this connection.
     *
     * @return the channel the transport made for this connection
     */
    public Channel channel() {
        return channel;
    }

    /**
     * Tells core the transport is ready for {@link Channel#close()} and {@link Channel#endInput()}
     * on this connection; a request made earlier (a shutdown racing the accept) is carried out now.
     */
    public void start() {
        boolean close;
        boolean endInput;
        synchronized (startLock) {
            started = true;
            close = closePending;
            endInput = endInputPending;
        }
        if (close) {
            channel.close();
        } else if (endInput) {
            channel.endInput();
        }
    }

    /**
     * Hands client bytes to the session and lets it write replies to {@code out}; see
     * {@link ServerSession#receive}. {@code now} counts as activity for the idle timeout.
     *
     * @return true if all of {@code in} was consumed
     * @param in the client's bytes; its position moves past what was consumed
     * @param out where the reply bytes go
     * @param now the current time, from {@link ServerLifecycle#now()}
     */
    public boolean receive(ByteBuffer in, ByteBuffer out, long now) {
        busy = true;   // before looking at the request: see the class comment
        if (finishRequested) {
            session.finishAfterGame();
        }
        if (trackIdle) {
            lastActive = now;
        }
        boolean consumedAll = session.receive(in, out);
        inGame = session.inGame();
        busy = false;
        if (finishRequested) {
            session.finishAfterGame();
        }
        return consumedAll;
    }

    /**
     * Reply bytes were sent at {@code now}: activity for the idle timeout.
     *
     * @param now the current time, from {@link ServerLifecycle#now()}
     */
    public void sent(long now) {
        if (trackIdle) {
            lastActive = now;
        }
    }

    /**
     * Whether the session is done: the transport sends what it holds and closes.
     *
     * @return {@code true} once the connection should be flushed and closed
     */
    public boolean isFinished() {
        return session.isFinished();
    }

    /**
     * Bytes of an unfinished command line held by the session.
     *
     * @return the number of bytes buffered
     */
    public int bufferedBytes() {
        return session.bufferedBytes();
    }

    /** The transport closed the connection; core forgets it. Idempotent. */
    public void closed() {
        server.closed(this);
    }

    /**
     * Closes the connection if no byte moved for the idle timeout before {@code now}.
     *
     * @return whether it was asked to close
     * @param now the current time, from {@link ServerLifecycle#now()}
     */
    public boolean closeIfIdle(long now) {
        if (trackIdle && now - lastActive >= server.idleTimeoutNanos()) {
            close();
            return true;
        }
        return false;
    }

    /** Graceful shutdown: end now if no game is in play, else after the game's {@code CLEAR}. */
    void finishAfterGame() {
        finishRequested = true;
        if (!busy && !inGame) {
            synchronized (startLock) {
                if (!started) {
                    endInputPending = true;
                    return;
                }
            }
            channel.endInput();
        }
    }

    /** Immediate shutdown, or idle too long. */
    void close() {
        synchronized (startLock) {
            if (!started) {
                closePending = true;
                return;
            }
        }
        channel.close();
    }

    @Override
    public String toString() {
        return info.toString();
    }
}
