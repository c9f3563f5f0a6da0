package dev.hotcold.core.server;

import dev.hotcold.core.boundary.UserCode;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.Refusal;
import dev.hotcold.core.events.ServerObserver;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.spi.Channel;
import dev.hotcold.core.spi.Endpoint;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The one server lifecycle every transport shares, socket-free (grpc-java's {@code ServerImpl}):
 * admission against the connection limit, the accepting, draining and terminated states, the
 * connection count, the listener's events, and the idle timeout. The transport's
 * {@link Endpoint} accepts and its {@link Channel}s move bytes; this decides.
 *
 * <pre>{@code
 * // in a transport's serve(config):
 * MyEndpoint endpoint = MyEndpoint.bind(config);               // throws if the address is taken
 * ServerLifecycle server = new ServerLifecycle(config, endpoint);
 * endpoint.acceptEach(channel -> {                             // on the connection's own thread:
 *     server.admit(channel).ifPresent(connection -> channel.pump(connection));
 * });
 * return server;                                               // the user's GameServer
 * }</pre>
 *
 * <p>States: accepting until {@link #shutdown()} or {@link #shutdownNow()}; then draining until
 * the last connection is closed and the listener has heard so, when the endpoint is
 * {@linkplain Endpoint#release() released}; terminated once the endpoint's threads have ended.
 *
 * <p>No user code runs under a lock here: admission counts under a lock and then, after it,
 * delivers the connection-opened event on the admitting thread (or the listener executor).
 */
public final class ServerLifecycle implements GameServer {
    /** The idle scan runs a few times per timeout, but not more than every 10 ms nor less than every second. */
    private static final long MIN_SCAN_NANOS = 10_000_000L;
    private static final long MAX_SCAN_NANOS = 1_000_000_000L;

    /** The server whose listener the current thread is calling, if any: see {@link #awaitTermination}. */
    static final ThreadLocal<ServerLifecycle> DELIVERING = new ThreadLocal<>();

    private final ServerConfig config;
    private final Endpoint endpoint;
    private final GameListener listener;
    private final Executor listenerExecutor;
    private final long idleTimeoutNanos;
    private final LongSupplier clock;
    private final long idleScanIntervalNanos;
    private final long lineTimeoutNanos;
    /** The TLS handshake timeout, or 0 if the server has no TLS or no such bound. */
    private final long handshakeTimeoutNanos;
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final UserCode.Logs failureLogs = new UserCode.Logs();
    private final CountDownLatch drained = new CountDownLatch(1);
    /** Guards admission against shutdown; held for a few field accesses, never around user code. */
    private final Object admission = new Object();
    private long lastId;
    /** Connections admitted and not yet closed: the slots in use. */
    private final AtomicInteger connectionCount = new AtomicInteger();
    /** Connections admitted whose connection-closed event the listener has not yet heard. */
    private final AtomicInteger undelivered = new AtomicInteger();
    private volatile boolean accepting = true;
    private boolean released;

    /**
     * A server over {@code endpoint}, which is bound and not yet accepting, whose listener is
     * called on each connection's own thread: for transports that give every connection a thread
     * (or run it on its client's).
     *
     * @param config the server's settings
     * @param endpoint the transport's bound listener
     */
    public ServerLifecycle(ServerConfig config, Endpoint endpoint) {
        this(config, endpoint, null);
    }

    /**
     * A server over {@code endpoint} whose listener is called on {@code listenerExecutor}, one
     * task at a time per connection: for transports whose threads serve many connections (event
     * loops), so that a slow listener never holds up a loop. Such a transport must honour
     * {@link ServerConnection#isInputPaused()} and {@link Channel#resumeInput()}.
     *
     * @param config the server's settings
     * @param endpoint the transport's bound listener
     * @param listenerExecutor runs listener calls, unless the config names another
     *     ({@link ServerConfig#listenerExecutor()}); it must run every task it accepts, and its
     *     threads must not be the transport's own
     */
    public ServerLifecycle(ServerConfig config, Endpoint endpoint, Executor listenerExecutor) {
        this.config = Objects.requireNonNull(config, "config");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.listener = config.listener();
        // The user's choice first (Runnable::run, for a listener that never blocks), then the transport's.
        this.listenerExecutor = config.listenerExecutor().orElse(listenerExecutor);
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
        this.clock = config.nanoClock();
        this.lineTimeoutNanos = config.lineTimeout().toNanos();
        this.handshakeTimeoutNanos = config.tls().isPresent() ? config.handshakeTimeout().toNanos() : 0;
        long shortest = Math.min(Math.min(idleTimeoutNanos == 0 ? Long.MAX_VALUE : idleTimeoutNanos,
                lineTimeoutNanos == 0 ? Long.MAX_VALUE : lineTimeoutNanos),
                handshakeTimeoutNanos == 0 ? Long.MAX_VALUE : handshakeTimeoutNanos);
        this.idleScanIntervalNanos = shortest == Long.MAX_VALUE
                ? 0
                : Math.max(MIN_SCAN_NANOS, Math.min(shortest / 4, MAX_SCAN_NANOS));
    }

    /**
     * Admits an accepted connection, or turns it away: over the limit it is refused with
     * {@code ERROR server busy}; after shutdown it is closed. Call it on the thread that will
     * serve the connection, once the transport can carry out {@link Channel#close()} and
     * {@link Channel#endInput()}: from this call on core may ask for either, from any thread.
     * An admitted connection's listener hears of it before this returns, or on the listener
     * executor before any later event; over TLS ({@link Channel#handshakes()}), once the
     * transport reports the handshake done ({@link ServerConnection#secured}). The transport then serves it and calls
     * {@link ServerConnection#closed()} when it is gone.
     *
     * @return the connection to serve, or empty if the channel was refused or closed
     * @param channel the accepted connection's channel
     */
    public Optional<ServerConnection> admit(Channel channel) {
        ServerConnection connection;
        boolean busy = false;
        synchronized (admission) {
            if (!accepting) {
                connection = null;
            } else if (connectionCount.get() >= config.maxConnections()) {
                connection = null;
                busy = true;
            } else {
                ConnectionInfo info = new ConnectionInfo(++lastId, channel.remoteAddress());
                connection = new ServerConnection(this, channel, info, now());
                connectionCount.incrementAndGet();
                undelivered.incrementAndGet();
                connections.add(connection);
            }
        }
        if (connection == null) {
            refused(channel, busy ? Refusal.BUSY : Refusal.SHUTTING_DOWN);   // before the client can see it
            channel.refuse(busy ? ByteBuffer.wrap(ErrorReason.SERVER_BUSY.replyBytes()) : ByteBuffer.allocate(0));
            return Optional.empty();
        }
        if (!connection.handshakes()) {
            connection.opened();   // over TLS: once the handshake is done (ServerConnection.secured)
        }
        return Optional.of(connection);
    }

    ListenerDelivery newDelivery(ConnectionInfo info, Channel channel, ConnectionObservation observation) {
        return listenerExecutor == null || listener == GameListener.NONE
                ? new ListenerDelivery.Direct(this, listener, info, channel, observation)
                : new ListenerDelivery.Queued(this, listener, info, channel, observation, listenerExecutor);
    }

    private void refused(Channel channel, Refusal reason) {
        ConnectionRefusedEvent event = new ConnectionRefusedEvent();
        if (event.isEnabled()) {
            event.client = String.valueOf(channel.remoteAddress());
            event.reason = reason.name();
            event.commit();
        }
        if (config.observer() != ServerObserver.NONE) {
            UserCode.refused(config.observer(), channel.remoteAddress(), reason, failureLogs);
        }
    }

    UserCode.Logs failureLogs() {
        return failureLogs;
    }

    boolean hasListener() {
        return listener != GameListener.NONE;
    }

    /** The connection is closed: its slot is free. */
    void forget(ServerConnection connection) {
        connections.remove(connection);
        connectionCount.decrementAndGet();
    }

    /** A connection's last event reached the listener. */
    void delivered() {
        undelivered.decrementAndGet();
        releaseIfDrained();
    }

    /**
     * The transport's endpoint this server was made with: how a transport gets back to its own
     * listening side from the {@link GameServer} it handed out.
     *
     * @return the endpoint
     */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Now, by the config's {@link ServerConfig#nanoClock()}: what the transport passes to
     * {@link ServerConnection#receive}, {@link ServerConnection#sent} and the idle scan. The pace
     * of the scan is the transport's (real time); whether a connection is idle is decided by this.
     *
     * @return the current time in nanoseconds; only differences matter
     */
    public long now() {
        return clock.getAsLong();
    }

    /**
     * How often the transport looks for idle connections, lines and TLS handshakes that take too
     * long ({@link ServerConnection#closeIfIdle}, {@link #closeIdle}), or 0 if there is no idle,
     * line or (with TLS) handshake timeout: a quarter of the shortest, from 10 ms to 1 s.
     *
     * @return the scan interval in nanoseconds, or 0
     */
    public long idleScanIntervalNanos() {
        return idleScanIntervalNanos;
    }

    long idleTimeoutNanos() {
        return idleTimeoutNanos;
    }

    long lineTimeoutNanos() {
        return lineTimeoutNanos;
    }

    long handshakeTimeoutNanos() {
        return handshakeTimeoutNanos;
    }

    /**
     * Closes every connection silent for the idle timeout before {@code now}: for transports
     * that scan all connections from one thread. Event loops scan their own with
     * {@link ServerConnection#closeIfIdle(long)}.
     *
     * @param now the current time, from {@link #now()}
     */
    public void closeIdle(long now) {
        for (ServerConnection connection : connections) {
            connection.closeIfIdle(now);
        }
    }

    @Override
    public SocketAddress address() {
        return endpoint.address();
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public int connectionCount() {
        return connectionCount.get();
    }

    @Override
    public void shutdown() {
        stopAccepting();
        for (ServerConnection connection : connections) {
            connection.finishAfterGame();
        }
        releaseIfDrained();
    }

    @Override
    public void shutdownNow() {
        stopAccepting();
        for (ServerConnection connection : connections) {
            connection.close();
        }
        releaseIfDrained();
    }

    private void stopAccepting() {
        synchronized (admission) {
            if (!accepting) {
                return;
            }
            accepting = false;
        }
        endpoint.stopAccepting();
    }

    private void releaseIfDrained() {
        synchronized (admission) {
            if (accepting || undelivered.get() > 0 || released) {
                return;
            }
            released = true;
        }
        endpoint.release();
        drained.countDown();
    }

    @Override
    public boolean isShutdown() {
        return !accepting;
    }

    @Override
    public boolean isTerminated() {
        return drained.getCount() == 0 && endpoint.isTerminated();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException at once if called from this server's listener or strategy,
     *     on a thread the server needs to end before it can terminate
     */
    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        checkNotServing("awaitTermination");
        long nanos = (timeout.compareTo(ServerConfig.MAX_DURATION) > 0 ? ServerConfig.MAX_DURATION : timeout).toNanos();
        long deadline = System.nanoTime() + nanos;
        return drained.await(nanos, TimeUnit.NANOSECONDS)
                && endpoint.awaitTermination(Math.max(0, deadline - System.nanoTime()));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException at once if called from this server's listener or strategy,
     *     on a thread the server needs to end before it can terminate
     */
    @Override
    public void close() {
        checkNotServing("close");
        GameServer.super.close();
    }

    /** Fails a blocking call made on a thread the server is waiting for (Netty's checkDeadLock). */
    private void checkNotServing(String method) {
        Thread current = Thread.currentThread();
        boolean serving = DELIVERING.get() == this;
        for (ServerConnection connection : connections) {
            serving |= connection.isReceivingOn(current);
        }
        if (serving) {
            throw new IllegalStateException("GameServer." + method + " was called from this server's own "
                    + (DELIVERING.get() == this ? "GameListener" : "GuessStrategy")
                    + ", on a thread the server must finish with before it can terminate, so it would wait"
                    + " for itself: call shutdown() or shutdownNow() there, and wait for termination elsewhere");
        }
    }

    @Override
    public String toString() {
        return "GameServer[" + address() + ", connections=" + connectionCount() + "]";
    }
}
