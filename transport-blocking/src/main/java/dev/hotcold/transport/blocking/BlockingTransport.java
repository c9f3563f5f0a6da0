package dev.hotcold.transport.blocking;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.spi.StreamGameConnection;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The classic design done properly: blocking sockets and a thread per connection, on virtual
 * threads (the default) or platform threads.
 *
 * <pre>{@code
 * Transport transport = new BlockingTransport();                       // virtual threads
 * Transport classic = new BlockingTransport(ThreadKind.PLATFORM);     // one OS thread each
 * try (GameServer server = transport.serve(ServerConfig.loopback(4321))) {
 *     server.awaitTermination(Duration.ofDays(1));
 * }
 * }</pre>
 *
 * <p>Sockets have TCP_NODELAY on. The server reads with the config's idle timeout, answers
 * {@code ERROR server busy} past its connection limit, and shuts down as {@link GameServer}
 * describes. Client connections are blocking sockets; asynchronous ones use two virtual threads
 * each, one writing and one reading.
 *
 * <p>Virtual threads are the default because they measured better on this machine at every
 * connection count tried (BENCHMARKS.md) and hold an idle connection for a few kilobytes instead
 * of a thread stack.
 */
public final class BlockingTransport implements Transport {
    private final ThreadKind threads;

    /** A transport on virtual threads. */
    public BlockingTransport() {
        this(ThreadKind.VIRTUAL);
    }

    /**
     * A transport whose servers and clients run on {@code threads}.
     *
     * @param threads the kind of thread each connection gets
     */
    public BlockingTransport(ThreadKind threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /**
     * The kind of thread each connection gets.
     *
     * @return the thread kind
     */
    public ThreadKind threads() {
        return threads;
    }

    /** One option: {@code threads}, {@code virtual} or {@code platform}. */
    @Override
    public Transport withOptions(Map<String, String> options) {
        ThreadKind kind = threads;
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!option.getKey().equals("threads")) {
                throw new IllegalArgumentException("unknown option '" + option.getKey() + "' of transport blocking; it has: threads");
            }
            kind = switch (option.getValue()) {
                case "virtual" -> ThreadKind.VIRTUAL;
                case "platform" -> ThreadKind.PLATFORM;
                default -> throw new IllegalArgumentException(
                        "threads must be virtual or platform, was '" + option.getValue() + "'");
            };
        }
        return new BlockingTransport(kind);
    }

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public GameServer serve(ServerConfig config) throws IOException {
        return BlockingServer.start(config, threads);
    }

    /**
     * Connects within the options' connect timeout; reads wait at most the reply timeout (by
     * {@code SO_TIMEOUT}), and so do writes (a watchdog closes a socket whose write stalls), so
     * {@code close()} too is bounded by the reply timeout.
     */
    @Override
    public GameConnection connect(SocketAddress address, ClientOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        ClientSocket socket = ClientSocket.connect(address, options);
        return new StreamGameConnection(socket.in(), socket.out(), socket);
    }

    /**
     * As {@link #connect(SocketAddress, ClientOptions)}, on a virtual thread; the connection has a
     * virtual thread that writes and one that reads.
     */
    @Override
    public CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address, ClientOptions options) {
        Objects.requireNonNull(options, "options");
        CompletableFuture<AsyncGameConnection> connected = new CompletableFuture<>();
        Thread.ofVirtual().name("hotcold-client-blocking-connect").start(() -> {
            try {
                connected.complete(new ThreadedAsyncConnection(ClientSocket.connect(address, options)));
            } catch (IOException | RuntimeException e) {
                connected.completeExceptionally(e);
            }
        });
        return connected;
    }

    @Override
    public String toString() {
        return "BlockingTransport[" + threads + "]";
    }
}
