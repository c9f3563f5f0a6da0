package dev.hotcold.core.transport;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.client.GameConnection;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * A way to move the protocol's bytes: the service-provider interface every transport implements
 * (blocking sockets, NIO selectors, in-memory pipes). Swapping transports is one line; the game
 * code stays the same.
 *
 * <pre>{@code
 * try (Transport transport = new InMemoryTransport();
 *      GameServer server = transport.serve(ServerConfig.loopback(0));
 *      GameConnection connection = transport.connect(server.address());
 *      Game game = Game.start(connection, 1, 5, 3)) {
 *     for (Outcome outcome : game) {
 *         System.out.println("Client: " + outcome);
 *     }
 * }
 * }</pre>
 *
 * <p>Transports are found by {@link ServiceLoader}: each transport module provides one, so that
 * {@code Transport.named("nio")} finds it on the module path or the class path.
 *
 * <p>Implementations are thread-safe. Every transport passes the conformance suite in
 * hotcold-transport-testkit.
 */
public interface Transport extends AutoCloseable {

    /**
     * The transport called {@code name} ({@code inmemory}, {@code blocking}, {@code nio}, or a
     * third party's), with its defaults.
     *
     * <pre>{@code
     * try (Transport transport = Transport.named("nio")) { ... }
     * }</pre>
     *
     * @param name the transport's {@link #name()}
     * @return the transport, with its defaults
     * @throws IllegalArgumentException listing the available names, if none is called {@code name}
     */
    static Transport named(String name) {
        return named(name, Map.of());
    }

    /**
     * The transport called {@code name}, configured with {@code options}, such as
     * {@code Map.of("serverLoops", "2")} for {@code nio} or {@code Map.of("threads", "platform")}
     * for {@code blocking}; see {@link #withOptions}.
     *
     * @param name the transport's {@link #name()}
     * @param options setting names mapped to their values, as the command line writes them; empty for the
     *     defaults
     * @return the transport, with {@code options} applied
     * @throws IllegalArgumentException listing the available names, or naming a bad option
     */
    static Transport named(String name, Map<String, String> options) {
        TreeSet<String> available = new TreeSet<>();
        for (Transport transport : ServiceLoader.load(Transport.class, Transport.class.getClassLoader())) {
            if (transport.name().equals(name)) {
                return transport.withOptions(options);
            }
            available.add(transport.name());
            transport.close();
        }
        throw new IllegalArgumentException("no transport named '" + name + "'; available: "
                + (available.isEmpty() ? "none (no transport module is on the path)" : String.join(", ", available)));
    }

    /**
     * A short name for logs and the command line, such as {@code nio}.
     *
     * @return the transport's name
     */
    String name();

    /**
     * A transport like this one with {@code options} applied, each a setting's name and value as
     * the command line writes them. None by default.
     *
     * @param options setting names mapped to their values
     * @return a transport with the options applied
     * @throws IllegalArgumentException naming an unknown option or a bad value
     */
    default Transport withOptions(Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("transport " + name() + " takes no options, got " + options.keySet());
        }
        return this;
    }

    /**
     * Binds a server as {@code config} says and starts serving at once.
     *
     * @param config where to listen and how to serve
     * @return the running server
     * @throws IOException if the server cannot bind or start
     */
    GameServer serve(ServerConfig config) throws IOException;

    /**
     * Connects a blocking client with {@link ClientOptions#defaults()}.
     *
     * @param address the server's address, as {@link GameServer#address()} gives it
     * @return the open connection
     * @throws IOException if the connection cannot be made
     */
    default GameConnection connect(SocketAddress address) throws IOException {
        return connect(address, ClientOptions.defaults());
    }

    /**
     * Connects a blocking client to the server at {@code address}, waiting for it no longer than
     * {@code options} say: a wait that runs out throws a {@link ClientTimeoutException} and closes
     * the connection.
     *
     * <pre>{@code
     * ClientOptions options = ClientOptions.builder().replyTimeout(Duration.ofSeconds(5)).build();
     * try (GameConnection connection = transport.connect(address, options);
     *      Game game = Game.start(connection, 1, 100, 42)) {
     *     game.play();
     * }
     * }</pre>
     *
     * @param address the server's address, as {@link GameServer#address()} gives it
     * @param options the client's timeouts
     * @return the open connection
     * @throws IOException if the connection cannot be made
     * @throws ClientTimeoutException if connecting takes longer than the connect timeout
     */
    GameConnection connect(SocketAddress address, ClientOptions options) throws IOException;

    /**
     * Connects an asynchronous client with {@link ClientOptions#defaults()}.
     *
     * @param address the server's address, as {@link GameServer#address()} gives it
     * @return a stage completed with the open connection
     */
    default CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
        return connectAsync(address, ClientOptions.defaults());
    }

    /**
     * Connects an asynchronous client; the stage fails with an {@link IOException} if it cannot,
     * a {@link ClientTimeoutException} if it took longer than the connect timeout. On the
     * connection, a stage the server leaves waiting past the reply timeout fails with a
     * {@link ClientTimeoutException} and the connection closes.
     *
     * @param address the server's address, as {@link GameServer#address()} gives it
     * @param options the client's timeouts
     * @return a stage completed with the open connection, or failed as described above
     */
    CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address, ClientOptions options);

    /**
     * Releases what the transport holds for its clients, such as client event loops; servers are
     * closed on their own. Connections still open are closed. Does nothing by default.
     */
    @Override
    default void close() {}
}
