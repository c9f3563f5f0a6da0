package dev.hotcold.transport.netty;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.socket.SocketStreamClient;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * hotcold on Netty 4.2: a server of Netty event loops on the JDK's selectors, Linux epoll or
 * Linux io_uring ({@link IoKind}), each connection's game in a {@link HotColdServerHandler}; TLS
 * through Netty's {@code SslHandler} on the JDK's engine. Found as {@code netty}:
 *
 * <pre>{@code
 * try (Transport transport = Transport.named("netty", Map.of("io", "io_uring"));
 *      GameServer server = transport.serve(ServerConfig.loopback(0))) { ... }
 * }</pre>
 *
 * <p>Options: {@code io} ({@code nio}, {@code epoll}, {@code io_uring} or {@code auto}, the
 * default: the best that loads here, said in one log line when a server starts) and
 * {@code loops}, the worker event loops (default: one fewer than the processors, at least one, as
 * the NIO transport). An {@code io} that does not load here fails {@code serve} with the reason.
 * The strategy runs on the loops and must not block; the listener runs on virtual threads.
 *
 * <p>Its client is {@link SocketStreamClient} (blocking sockets, virtual threads for asynchronous
 * connections, TLS through {@code SSLSocket}): the transport's work is the server.
 */
public final class NettyTransport implements Transport {
    private static final System.Logger LOG = System.getLogger(NettyTransport.class.getName());

    private final IoKind io;
    private final int loops;

    /** The defaults: {@code auto} I/O, one worker loop fewer than the processors (at least one). */
    public NettyTransport() {
        this(IoKind.AUTO, defaultLoops());
    }

    /**
     * A transport on {@code io} with {@code loops} worker event loops.
     *
     * @param io the I/O to serve on
     * @param loops worker event loops, at least 1
     * @throws IllegalArgumentException if {@code loops} is below 1
     */
    public NettyTransport(IoKind io, int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be at least 1, was " + loops);
        }
        this.io = java.util.Objects.requireNonNull(io, "io");
        this.loops = loops;
    }

    /**
     * The default worker loop count: one fewer than the processors, at least one.
     *
     * @return the count
     */
    public static int defaultLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    @Override
    public String name() {
        return "netty";
    }

    /** Options {@code io} and {@code loops}. */
    @Override
    public Transport withOptions(Map<String, String> options) {
        IoKind chosen = io;
        int count = loops;
        for (Map.Entry<String, String> option : options.entrySet()) {
            switch (option.getKey()) {
                case "io" -> chosen = IoKind.parse(option.getValue());
                case "loops" -> {
                    try {
                        count = Integer.parseInt(option.getValue());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("loops must be a number, was '" + option.getValue() + "'");
                    }
                }
                default -> throw new IllegalArgumentException(
                        "unknown option '" + option.getKey() + "' of transport netty; it has: io, loops");
            }
        }
        return new NettyTransport(chosen, count);
    }

    /**
     * The I/O this transport asks for ({@link IoKind#AUTO} until a server resolves it).
     *
     * @return the I/O kind
     */
    public IoKind io() {
        return io;
    }

    @Override
    public GameServer serve(ServerConfig config) throws IOException {
        IoKind kind = io.resolve();
        if (kind.unavailabilityCause().isPresent()) {
            Throwable cause = kind.unavailabilityCause().get();
            throw new IOException("io " + kind.optionName() + " does not load here: " + cause.getMessage(), cause);
        }
        if (io == IoKind.AUTO) {
            LOG.log(Level.INFO, "netty transport: io auto chose {0} ({1})", kind.optionName(), why());
        }
        return NettyServer.start(config, kind, loops);
    }

    private static String why() {
        if (IoKind.IO_URING.isAvailable()) {
            return "io_uring loads";
        }
        String uring = "io_uring does not load: " + IoKind.IO_URING.unavailabilityCause().map(Throwable::getMessage).orElse("");
        return IoKind.EPOLL.isAvailable() ? uring : uring + "; epoll does not load: "
                + IoKind.EPOLL.unavailabilityCause().map(Throwable::getMessage).orElse("");
    }

    @Override
    public GameClient client(ClientOptions options) {
        return new SocketStreamClient(options);
    }

    @Override
    public String toString() {
        return "NettyTransport[io=" + io.optionName() + ", loops=" + loops + "]";
    }
}
