package dev.hotcold.transport.blocking;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.socket.SocketStreamClient;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

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
 * <p>Sockets have TCP_NODELAY on. Each accepted connection gets its thread at once, and is
 * admitted (or answered {@code ERROR server busy} past the connection limit) on it; the listener
 * and strategy run there too, so a slow one holds up its own connection only. The server closes
 * connections idle for the config's idle timeout and shuts down as {@link GameServer} describes.
 * Client connections are blocking sockets; asynchronous ones use two virtual threads each, one
 * writing and one reading.
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
     * A client that connects within the options' connect timeout and bounds every read and write
     * by the reply timeout, so that {@code close()} is bounded too.
     */
    @Override
    public GameClient client(ClientOptions options) {
        return new SocketStreamClient(options);
    }

    @Override
    public String toString() {
        return "BlockingTransport[" + threads + "]";
    }
}
