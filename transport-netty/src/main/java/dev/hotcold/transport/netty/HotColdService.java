package dev.hotcold.transport.netty;

import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.spi.Endpoint;
import io.netty.channel.ChannelHandler;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * hotcold's game for a Netty server you already run: the game's handlers for your pipeline, and
 * the {@link GameServer} they share (the connection limit, the timeouts, the listener, the
 * shutdown verbs), from one {@link ServerConfig}. Its bind address is not used: your
 * {@code ServerBootstrap} listens.
 *
 * <pre>{@code
 * HotColdService game = HotColdService.create(ServerConfig.builder().maxConnections(1_000).build());
 * new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
 *         .childHandler(game.channelInitializer())          // or game.newHandler() in your own initializer
 *         .bind(4321);
 * ...
 * game.shutdown();   // no new games: connections are closed once their game ends
 * }</pre>
 *
 * <p>The guess strategy runs on your event loops and must not block; the listener runs on virtual
 * threads, never on a loop. After {@link #shutdown()} new channels are closed at once; the service
 * is terminated once its last connection is closed. Thread-safe.
 */
public final class HotColdService implements GameServer {
    /** The listener's threads: one virtual thread per batch of a connection's events. */
    static final Executor LISTENER_THREADS = task -> Thread.ofVirtual().name("hotcold-server-netty-listener").start(task);

    private final ServerLifecycle lifecycle;

    private HotColdService(ServerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * A service for pipelines of your own, with {@code config}'s limit, timeouts, strategy,
     * listener, observer and TLS.
     *
     * @param config the game's settings; its bind address is only reported by {@link #address()}
     * @return the service
     */
    public static HotColdService create(ServerConfig config) {
        return new HotColdService(new ServerLifecycle(config, new Detached(config.bindAddress()), LISTENER_THREADS));
    }

    /** hotcold's own Netty server: the service over the transport's endpoint. */
    static HotColdService over(ServerLifecycle lifecycle) {
        return new HotColdService(lifecycle);
    }

    /**
     * A new handler for one channel: add it to the channel's pipeline after any TLS handler (and
     * before none of the game's bytes are read). Not sharable: one per channel.
     *
     * @return the handler
     */
    public ChannelHandler newHandler() {
        return new HotColdServerHandler(lifecycle);
    }

    /**
     * An initializer that adds TLS (if the config has it) and the game's handler to each child
     * channel; sharable.
     *
     * @return the initializer
     */
    public HotColdChannelInitializer channelInitializer() {
        return new HotColdChannelInitializer(lifecycle);
    }

    ServerLifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public SocketAddress address() {
        return lifecycle.address();
    }

    @Override
    public ServerConfig config() {
        return lifecycle.config();
    }

    @Override
    public int connectionCount() {
        return lifecycle.connectionCount();
    }

    @Override
    public void shutdown() {
        lifecycle.shutdown();
    }

    @Override
    public void shutdownNow() {
        lifecycle.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return lifecycle.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return lifecycle.isTerminated();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return lifecycle.awaitTermination(timeout);
    }

    @Override
    public void close() {
        lifecycle.close();
    }

    @Override
    public String toString() {
        return "HotColdService[" + lifecycle + "]";
    }

    /** The endpoint of a service in someone else's server: it accepts nothing and holds no thread. */
    private record Detached(SocketAddress address) implements Endpoint {
        @Override
        public void stopAccepting() {
            // The user's server accepts; after shutdown core closes every new channel at once.
        }

        @Override
        public void release() {
            // No thread of ours.
        }

        @Override
        public boolean isTerminated() {
            return true;
        }

        @Override
        public boolean awaitTermination(long nanos) {
            return true;
        }
    }
}
