package dev.hotcold.core.server;

import dev.hotcold.core.events.CloseReason;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.ConnectionSecurity;
import dev.hotcold.core.events.ServerEvent;
import dev.hotcold.core.events.ServerEvents;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.session.ServerSession;
import dev.hotcold.core.spi.Channel;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Core's side of one admitted connection: its session, its listener events, its last activity
 * for the idle timeout, and the handshake that lets graceful shutdown end it between games.
 *
 * <p>The transport calls {@link #receive}, {@link #sent}, {@link #isFinished()} and
 * {@link #isInputPaused()} from the connection's thread, one call at a time, never while it holds
 * a lock that another connection needs: {@link #receive} runs the guess strategy, and may call
 * the listener. It calls {@link #closed()} once the connection is closed, after the last
 * {@link #receive} returned.
 *
 * <p>Shutdown comes from another thread, and the handshake works whatever the transport's
 * threading: {@link #receive} marks the connection busy, then looks for a shutdown request;
 * after the session ran it publishes whether a game is in play, clears busy and looks again.
 * Shutdown sets the request, then looks at both flags and ends the input only when the
 * connection is neither busy nor in a game. The flags are volatile, so at least one side sees the
 * other: either the session is told to finish (at once, or after the game's {@code CLEAR}), or
 * shutdown ends an idle connection's input. Per call that is two volatile writes and no lock.
 */
public final class ServerConnection {
    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());
    private final ServerLifecycle server;
    private final Channel channel;
    private final ServerSession session;
    /** Set once more, with the TLS session, when the handshake is done. */
    private volatile ConnectionInfo info;
    private final ListenerDelivery delivery;
    private final ConnectionObservation observation;
    /** Why the connection is closing, when core asked for it; the client's doing otherwise. */
    private volatile CloseReason closeReason = CloseReason.CLIENT_LEFT;
    private final boolean trackIdle;
    private volatile boolean busy;
    private volatile boolean inGame;
    private volatile boolean finishRequested;
    /** {@link ServerLifecycle#now()} when bytes last moved; kept only with an idle or line timeout. */
    private volatile long lastActive;
    /**
     * {@link ServerLifecycle#now()} when the line in progress began (the call that brought its
     * first byte), or {@link #NO_LINE}; kept only with a line timeout. Written in {@link #receive},
     * read by the scan.
     */
    private volatile long lineBegan = NO_LINE;
    /** {@link ServerSession#linesEnded()} after the last {@link #receive}. */
    private long linesEnded;
    private final boolean trackLines;
    /** The thread inside {@link #receive} (and so perhaps inside the strategy), or null. */
    private Thread receiving;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Whether the connection-opened event went out; over TLS it waits for the handshake. */
    private final AtomicBoolean opened = new AtomicBoolean();
    /** {@link ServerLifecycle#now()} at admission while a TLS handshake is under way, else {@link #NO_LINE}. */
    private volatile long handshakeBegan;

    /** {@link #lineBegan} when no line is in progress. */
    private static final long NO_LINE = Long.MIN_VALUE;
    private static final byte[] LINE_TIMEOUT_REPLY = ErrorReason.LINE_TIMEOUT.replyBytes();

    ServerConnection(ServerLifecycle server, Channel channel, ConnectionInfo info, long now) {
        ServerConfig config = server.config();
        this.server = server;
        this.channel = channel;
        this.info = info;
        this.observation = new ConnectionObservation(info, config.observer(), server.failureLogs(), this::closeOutOfMemory);
        this.delivery = server.newDelivery(info, channel, observation);
        this.session = new ServerSession(config.strategy(), config.maxLineLength(), server.hasListener());
        this.trackIdle = server.idleScanIntervalNanos() != 0;
        this.trackLines = trackIdle && server.lineTimeoutNanos() != 0;
        this.lastActive = now;
        this.handshakeBegan = channel.handshakes() ? now : NO_LINE;
    }

    /** Whether the connection began with a TLS handshake (done or not). */
    boolean handshakes() {
        return channel.handshakes();
    }

    /** Delivers the connection-opened event, once: the first of the connection's events. */
    void opened() {
        if (!opened.compareAndSet(false, true)) {
            return;
        }
        observation.admitted();
        ServerEvents opened = new ServerEvents();
        opened.add(ServerEvent.ConnectionOpened.INSTANCE);
        delivery.deliver(opened);
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
     * The TLS handshake is done: the connection is served from now on, and its events, from the
     * connection-opened event on, name {@code security}. Call it on the connection's thread,
     * before the first {@link #receive}.
     *
     * @param security the session the handshake agreed on, with the client's verified certificates
     * @param now the current time, from {@link ServerLifecycle#now()}
     */
    public void secured(ConnectionSecurity security, long now) {
        Objects.requireNonNull(security, "security");
        ConnectionInfo identified = info.secured(security);
        info = identified;
        observation.identify(identified);
        delivery.identify(identified);
        handshakeBegan = NO_LINE;
        if (trackIdle) {
            lastActive = now;
        }
        opened();
    }

    /**
     * The TLS handshake failed (a plain-text client, a certificate the server does not trust): the
     * transport closes the connection now, and it is counted closed for that reason.
     *
     * @param failure what the TLS implementation reported, logged at debug level
     */
    public void handshakeFailed(Throwable failure) {
        if (closeReason == CloseReason.CLIENT_LEFT) {
            closeReason = CloseReason.HANDSHAKE_FAILED;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> info + ": TLS handshake failed: " + failure);
    }

    /**
     * Hands client bytes to the session and lets it write replies to {@code out}; see
     * {@link ServerSession#receive}. Then hands what happened to the listener: on this thread, or
     * on the server's listener executor. {@code now} counts as activity for the idle timeout.
     *
     * @return true if all of {@code in} was consumed
     * @param in the client's bytes; its position moves past what was consumed
     * @param out where the reply bytes go
     * @param now the current time, from {@link ServerLifecycle#now()}
     */
    public boolean receive(ByteBuffer in, ByteBuffer out, long now) {
        busy = true;   // before looking at the request: see the class comment
        receiving = Thread.currentThread();
        if (finishRequested) {
            session.finishAfterGame();
        }
        if (trackIdle) {
            lastActive = now;
        }
        RoundTripEvent roundTrip = observation.beginRoundTrip();
        boolean observed = observation.observed();
        long start = observed ? System.nanoTime() : 0;
        long answered = session.numbersAnswered();
        int inBefore = in.position();
        int outBefore = out.position();
        boolean consumedAll;
        try {
            consumedAll = session.receive(in, out);
        } finally {
            receiving = null;
        }
        observation.moved(in.position() - inBefore, out.position() - outBefore);
        inGame = session.inGame();
        if (trackLines) {
            timeLine(now);
        }
        busy = false;
        if (finishRequested) {
            session.finishAfterGame();
        }
        if ((observed || roundTrip != null) && session.numbersAnswered() != answered) {
            observation.roundTrip(start, roundTrip);
        }
        ServerEvents events = session.events();
        if (!events.isEmpty()) {
            observation.observe(events);
            delivery.deliver(events);
        }
        return consumedAll;
    }

    /** Notes when the line in progress, if any, began: in this call if a line ended in it. */
    private void timeLine(long now) {
        long ended = session.linesEnded();
        if (!session.lineInProgress()) {
            lineBegan = NO_LINE;
        } else if (lineBegan == NO_LINE || ended != linesEnded) {
            lineBegan = now;
        }
        linesEnded = ended;
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
     * Whether the transport should stop handing input to {@link #receive} for now: the listener
     * is far behind this connection's events. Core calls {@link Channel#resumeInput()} when it
     * may go on. Only ever true on a server with a listener executor.
     *
     * @return {@code true} while input should be held back
     */
    public boolean isInputPaused() {
        return delivery.isInputPaused();
    }

    /**
     * The transport closed the connection; core frees its slot, forgets it and tells the
     * listener. Idempotent.
     */
    public void closed() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        opened();   // a TLS connection that never finished its handshake still opened and closed
        server.forget(this);
        session.connectionClosed();   // a game in play ends, cut off
        ServerEvents last = session.events();
        observation.observe(last);
        observation.closed(closeReason);
        last.add(ServerEvent.ConnectionClosed.INSTANCE);
        delivery.deliver(last);
    }

    /**
     * Closes the connection if its TLS handshake is not done within the handshake timeout after
     * admission, if no byte moved for the idle timeout before {@code now}, or if a line has been
     * arriving for longer than the line timeout: then the client is told
     * {@code ERROR line timeout} first ({@link Channel#closeWith}), and a later scan that finds the
     * connection still open closes it outright.
     *
     * @return whether it was asked to close
     * @param now the current time, from {@link ServerLifecycle#now()}
     */
    public boolean closeIfIdle(long now) {
        return closeIfHandshakeLate(now) || closeIfLineLate(now) || closeIfSilent(now);
    }

    private boolean closeIfHandshakeLate(long now) {
        long began = handshakeBegan;
        if (began == NO_LINE || server.handshakeTimeoutNanos() == 0 || now - began < server.handshakeTimeoutNanos()) {
            return false;
        }
        if (closeReason != CloseReason.HANDSHAKE_TIMEOUT && !closed.get()) {   // one cut, however many scans
            closeReason = CloseReason.HANDSHAKE_TIMEOUT;
            observation.cut(CloseReason.HANDSHAKE_TIMEOUT, now - began);
        }
        channel.close();   // no reply: the client cannot read one before the handshake
        return true;
    }

    private boolean closeIfLineLate(long now) {
        long began = lineBegan;
        if (!trackLines || began == NO_LINE || now - began < server.lineTimeoutNanos()) {
            return false;
        }
        if (closeReason == CloseReason.LINE_TIMEOUT) {
            channel.close();   // told at an earlier scan, and still not gone: it does not read
            return true;
        }
        if (delivery.isInputPaused() || closed.get()) {
            return false;   // the server holds its input back: the wait is the server's, not the client's
        }
        closeReason = CloseReason.LINE_TIMEOUT;
        observation.cut(CloseReason.LINE_TIMEOUT, now - began);
        observation.errorSent(ErrorReason.LINE_TIMEOUT);
        channel.closeWith(ByteBuffer.wrap(LINE_TIMEOUT_REPLY).asReadOnlyBuffer());
        return true;
    }

    private boolean closeIfSilent(long now) {
        long waited = now - lastActive;
        if (trackIdle && server.idleTimeoutNanos() != 0 && waited >= server.idleTimeoutNanos()) {
            if (closeReason != CloseReason.IDLE_TIMEOUT && closeReason != CloseReason.LINE_TIMEOUT
                    && !closed.get()) {   // one cut, however many scans
                closeReason = CloseReason.IDLE_TIMEOUT;
                observation.cut(CloseReason.IDLE_TIMEOUT, waited);
            }
            channel.close();
            return true;
        }
        return false;
    }

    /** User code ran out of memory on this connection: it goes. */
    private void closeOutOfMemory() {
        closeReason = CloseReason.OUT_OF_MEMORY;
        channel.close();
    }

    /** Whether {@code thread} is inside {@link #receive}: the strategy may be calling back. */
    boolean isReceivingOn(Thread thread) {
        return receiving == thread;
    }

    /** Graceful shutdown: end now if no game is in play, else after the game's {@code CLEAR}. */
    void finishAfterGame() {
        closeReason = CloseReason.SHUTDOWN;
        finishRequested = true;
        if (!busy && !inGame) {
            channel.endInput();
        }
    }

    /** Immediate shutdown. */
    void close() {
        closeReason = CloseReason.SHUTDOWN_NOW;
        channel.close();
    }

    @Override
    public String toString() {
        return info.toString();
    }
}
