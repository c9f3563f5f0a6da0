package dev.hotcold.benchmarks.transport;

import dev.hotcold.benchmarks.netty.NettyReferenceServer;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.blocking.BlockingTransport;
import dev.hotcold.transport.blocking.ThreadKind;
import dev.hotcold.transport.inmemory.InMemoryTransport;
import dev.hotcold.transport.netty.IoKind;
import dev.hotcold.transport.netty.NettyTransport;
import dev.hotcold.transport.nio.NioTransport;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A running server of one kind and the client transport that plays against it, by the name the
 * benchmarks' {@code transport} parameter uses:
 *
 * <ul>
 *   <li>{@code piped}: in-memory transport, bounded pipes, no threads;
 *   <li>{@code blocking-platform}, {@code blocking-virtual}: blocking sockets, a thread per
 *       connection on each side;
 *   <li>{@code nio}: hotcold's NIO server (a loop per processor) and NIO client (one loop);
 *   <li>{@code nio-listener}: the same with a listener that counts reports, as a metrics listener
 *       does, called off the loops (the default: a virtual thread per connection's batch of events);
 *   <li>{@code nio-listener-on-loop}: that listener called on the loops ({@code listenerExecutor(Runnable::run)});
 *   <li>{@code netty}: the Netty reference server (a worker loop per processor, NIO) played by
 *       hotcold's NIO client; {@code netty-epoll}, {@code netty-io_uring}: the same on epoll, io_uring;
 *   <li>{@code hotcold-netty}: hotcold's Netty transport (default loops, the best I/O that loads:
 *       io_uring here) played by hotcold's NIO client; {@code hotcold-netty-nio},
 *       {@code hotcold-netty-epoll}, {@code hotcold-netty-io_uring} choose the I/O.
 * </ul>
 *
 * Every server guesses with the seed's random strategy, seeded.
 */
final class Endpoint implements AutoCloseable {
    static final long SERVER_SEED = 8;

    /** A quick listener, as one that feeds metrics is: it counts reports. */
    private static final class ReportCounter implements GameListener {
        private final LongAdder reports = new LongAdder();

        @Override
        public void onReport(ConnectionInfo connection, long guess, Decision decision) {
            reports.increment();
        }
    }

    /** Stops a server and waits for its threads. */
    private interface Stopper {
        void stop() throws InterruptedException;
    }

    private final Transport client;
    private final Stopper server;
    private final SocketAddress address;

    private Endpoint(Transport client, Stopper server, SocketAddress address) {
        this.client = client;
        this.server = server;
        this.address = address;
    }

    static Endpoint open(String name) throws IOException {
        ServerConfig config = ServerConfig.builder().strategy(GuessStrategy.random(SERVER_SEED)).build();
        return switch (name) {
            case "piped" -> hotcold(new InMemoryTransport(), config);
            case "blocking-platform" -> hotcold(new BlockingTransport(ThreadKind.PLATFORM), config);
            case "blocking-virtual" -> hotcold(new BlockingTransport(ThreadKind.VIRTUAL), config);
            case "nio" -> hotcold(new NioTransport(), config);
            case "nio-listener" -> hotcold(new NioTransport(), config.toBuilder().listener(new ReportCounter()).build());
            case "nio-listener-on-loop" -> hotcold(new NioTransport(),
                    config.toBuilder().listener(new ReportCounter()).listenerExecutor(Runnable::run).build());
            case "netty", "netty-nio", "netty-epoll", "netty-io_uring" -> {
                IoKind io = name.equals("netty") ? IoKind.NIO : IoKind.parse(name.substring("netty-".length()));
                NettyReferenceServer netty = NettyReferenceServer.start("127.0.0.1", 0,
                        Runtime.getRuntime().availableProcessors(), SERVER_SEED, null, io);
                yield new Endpoint(new NioTransport(), netty::close, netty.address());
            }
            case "hotcold-netty", "hotcold-netty-nio", "hotcold-netty-epoll", "hotcold-netty-io_uring" -> {
                IoKind io = name.equals("hotcold-netty") ? IoKind.AUTO : IoKind.parse(name.substring("hotcold-netty-".length()));
                NettyTransport netty = new NettyTransport(io, NettyTransport.defaultLoops());
                GameServer server = netty.serve(config);
                NioTransport client = new NioTransport();
                yield new Endpoint(client, () -> {
                    server.shutdownNow();
                    if (!server.awaitTermination(Duration.ofSeconds(10))) {
                        throw new IllegalStateException("netty server did not terminate");
                    }
                }, server.address());
            }
            default -> throw new IllegalArgumentException("unknown transport '" + name
                    + "'; one of piped, blocking-platform, blocking-virtual, nio, nio-listener, nio-listener-on-loop,"
                    + " hotcold-netty[-nio|-epoll|-io_uring], netty[-epoll|-io_uring]");
        };
    }

    private static Endpoint hotcold(Transport transport, ServerConfig config) throws IOException {
        GameServer server = transport.serve(config);
        return new Endpoint(transport, () -> {
            server.shutdownNow();
            if (!server.awaitTermination(Duration.ofSeconds(10))) {
                throw new IllegalStateException(transport.name() + " server did not terminate");
            }
        }, server.address());
    }

    GameConnection connect() throws IOException {
        return client.connect(address);
    }

    AsyncGameConnection connectAsync() throws Exception {
        return client.connectAsync(address).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Stops the server, waiting for its threads, then the client transport's. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the server", e);
        } finally {
            client.close();
        }
    }
}
