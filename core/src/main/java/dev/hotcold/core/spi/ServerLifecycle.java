package dev.hotcold.core.spi;

import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.session.ConnectionInfo;
import dev.hotcold.core.session.GameListener;
import dev.hotcold.core.session.ServerSession;
import dev.hotcold.core.transport.Addresses;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one server lifecycle every transport shares, socket-free (grpc-java's {@code ServerImpl}):
 * admission against the connection limit, the accepting, draining and terminated states, the
 * connection count, the listener's connection events, and the idle timeout. The transport's
 * {@link Endpoint} accepts and its {@link Channel}s move bytes; this decides.
 *
 * <pre>{@code
 * // in a transport's serve(config):
 * MyEndpoint endpoint = MyEndpoint.bind(config);               // throws if the address is taken
 * ServerLifecycle server = new ServerLifecycle(config, endpoint);
 * endpoint.startAccepting(channel -> server.admit(channel).ifPresent(MyTransport::serve));
 * return server;                                               // the user's GameServer
 * }</pre>
 *
 * <p>States: accepting until {@link #shutdown()} or {@link #shutdownNow()}; then draining until
 * the last connection is closed, when the endpoint is {@linkplain Endpoint#release() released};
 * terminated once the endpoint's threads have ended.
 */
public final class ServerLifecycle implements GameServer {
    /** The idle scan runs a few times per timeout, but not more than every 10 ms nor less than every second. */
    private static final long MIN_SCAN_NANOS = 10_000_000L;
    private static final long MAX_SCAN_NANOS = 1_000_000_000L;

    private final ServerConfig config;
    private final Endpoint endpoint;
    private final GameListener listener;
    private final long idleTimeoutNanos;
    private final LongSupplier clock;
    private final long idleScanIntervalNanos;
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch drained = new CountDownLatch(1);
    private final Object lock = new Object();
    private long lastId;
    private volatile int connectionCount;
    private volatile boolean accepting = true;
    private boolean released;

    /**
     * A server over {@code endpoint}, which is bound and not yet accepting.
     *
     * @param config the server's settings
     * @param endpoint the transport's bound listener
     */
    public ServerLifecycle(ServerConfig config, Endpoint endpoint) {
        this.config = config;
        this.endpoint = endpoint;
        this.listener = IsolatedListener.of(config.listener());
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
        this.clock = config.nanoClock();
        this.idleScanIntervalNanos = idleTimeoutNanos == 0
                ? 0
                : Math.max(MIN_SCAN_NANOS, Math.min(idleTimeoutNanos / 4, MAX_SCAN_NANOS));
    }

    /**
     * Admits an accepted connection, or turns it away: over the limit it is refused with
     * {@code ERROR server busy}; after shutdown it is closed.
     *
     * @return the connection to serve, or empty if the channel was refused or closed
     * @param channel the accepted connection's channel
     */
    public Optional<ServerConnection> admit(Channel channel) {
        ServerConnection connection;
        boolean busy = false;
        synchronized (lock) {
            if (!accepting) {
                connection = null;
            } else if (connectionCount >= config.maxConnections()) {
                connection = null;
                busy = true;
            } else {
                ConnectionInfo info = new ConnectionInfo(++lastId, channel.remoteAddress());
                connection = new ServerConnection(this, channel, newSession(config, info), info, now());
                connections.add(connection);
                connectionCount++;
                // Under the lock, so that no close of this connection can be announced before it.
                listener.onConnectionOpened(info);
            }
        }
        if (busy) {
            channel.refuse(ByteBuffer.wrap(ErrorReason.SERVER_BUSY.replyBytes()));
        } else if (connection == null) {
            channel.refuse(ByteBuffer.allocate(0));   // shut down: closed without a word
        }
        return Optional.ofNullable(connection);
    }

    /**
     * A session for {@code connection} as {@code config} says: the one place a server's session is made.
     *
     * @param config the server's settings
     * @param connection the connection the session serves
     * @return a new session
     */
    public static ServerSession newSession(ServerConfig config, ConnectionInfo connection) {
        return new ServerSession(config.strategy(), config.listener(), config.maxLineLength(), connection);
    }

    void closed(ServerConnection connection) {
        if (!connections.remove(connection)) {
            return;
        }
        synchronized (lock) {
            connectionCount--;
        }
        listener.onConnectionClosed(connection.info());
        releaseIfDrained();
    }

    /**
     * The transport's endpoint, for its own diagnostics.
     *
     * @return the endpoint this server was made with
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
     * How often the transport looks for idle connections, or 0 if there is no idle timeout.
     *
     * @return the scan interval in nanoseconds, or 0
     */
    public long idleScanIntervalNanos() {
        return idleScanIntervalNanos;
    }

    long idleTimeoutNanos() {
        return idleTimeoutNanos;
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

    /**
     * Whether the server has stopped accepting and its last connection is gone.
     *
     * @return {@code true} once no connection is left after shutdown
     */
    public boolean isDrained() {
        return drained.getCount() == 0;
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
        return connectionCount;
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
        synchronized (lock) {
            if (!accepting) {
                return;
            }
            accepting = false;
        }
        endpoint.stopAccepting();
    }

    private void releaseIfDrained() {
        synchronized (lock) {
            if (accepting || connectionCount > 0 || released) {
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
        return isDrained() && endpoint.isTerminated();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return drained.await(timeout.toNanos(), TimeUnit.NANOSECONDS)
                && endpoint.awaitTermination(Math.max(0, deadline - System.nanoTime()));
    }

    @Override
    public String toString() {
        return "GameServer[" + Addresses.describe(address()) + ", connections=" + connectionCount + "]";
    }
}
