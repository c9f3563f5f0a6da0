package dev.hotcold.core.server;

import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.time.Duration;

/**
 * A running game server. Shutdown has three verbs, as in grpc-java: {@link #shutdown()} stops
 * accepting and lets games in play finish, {@link #shutdownNow()} closes everything at once, and
 * {@link #awaitTermination} waits until nothing is left. {@link #close()} does all three with the
 * configured grace period. A terminated server holds no thread, socket or selector.
 *
 * <pre>{@code
 * GameServer server = transport.serve(ServerConfig.loopback(4321));
 * ...
 * server.shutdown();                                   // no new connections; games finish
 * if (!server.awaitTermination(Duration.ofSeconds(10))) {
 *     server.shutdownNow();                            // the rest are cut off
 * }
 * }</pre>
 */
public interface GameServer extends AutoCloseable {

    /**
     * The address clients connect to, with the real port when the config asked for port 0.
     *
     * @return the bound address
     */
    SocketAddress address();

    /**
     * The configuration the server runs with.
     *
     * @return the configuration
     */
    ServerConfig config();

    /**
     * Connections open right now.
     *
     * @return the number of open connections
     */
    int connectionCount();

    /**
     * Stops accepting connections. Connections with no game in play are closed now; the others
     * are served until their game ends with {@code CLEAR} (or the client leaves), then closed.
     * Replies already produced are delivered. Returns at once; idempotent.
     */
    void shutdown();

    /** Closes the listener and every connection now. Returns at once; idempotent. */
    void shutdownNow();

    /**
     * Whether {@link #shutdown()} or {@link #shutdownNow()} was called: no connection is accepted any more.
     *
     * @return {@code true} once a shutdown has been asked for
     */
    boolean isShutdown();

    /**
     * Whether shutdown has finished: every connection and thread is gone.
     *
     * @return {@code true} once nothing is left running
     */
    boolean isTerminated();

    /**
     * Waits until the server has terminated or the timeout passes. A server terminates only once
     * its listener and strategy calls have returned, so waiting from inside one of them would
     * wait for itself: that fails at once.
     *
     * @return whether it terminated
     * @param timeout how long to wait at most; a timeout longer than {@link ServerConfig#MAX_DURATION}
     *     waits that long
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws IllegalStateException if called from this server's own listener or strategy
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /**
     * Shuts down, waits up to {@link ServerConfig#shutdownGracePeriod()} for games to finish, then
     * closes what is left and waits for that. Restores the interrupt flag if interrupted.
     *
     * @throws IllegalStateException if called from this server's own listener or strategy, as
     *     {@link #awaitTermination} does
     */
    @Override
    default void close() {
        shutdown();
        try {
            if (!awaitTermination(config().shutdownGracePeriod())) {
                shutdownNow();
                if (!awaitTermination(Duration.ofSeconds(10))) {
                    System.getLogger(GameServer.class.getName())
                            .log(Level.WARNING, "server at {0} did not terminate", address());
                }
            }
        } catch (InterruptedException e) {
            shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
