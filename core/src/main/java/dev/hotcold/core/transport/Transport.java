package dev.hotcold.core.transport;

import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.client.GameConnection;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * A way to move the protocol's bytes: the interface every transport implements (blocking sockets,
 * NIO selectors, in-memory pipes, or a third party's; {@code dev.hotcold.core.spi} says how to
 * write one). Swapping transports is one line; the game code stays the same. A transport is also
 * a {@link GameClient} with {@link ClientOptions#defaults()}; {@link #client(ClientOptions)} makes
 * one with other settings.
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
public interface Transport extends GameClient, AutoCloseable {

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
     * A client of this transport with {@code options}: every connection it makes waits for the
     * server no longer than they say. It shares the transport's threads; closing the transport
     * closes its connections.
     *
     * <pre>{@code
     * GameClient client = transport.client(ClientOptions.builder().replyTimeout(Duration.ofSeconds(5)).build());
     * try (GameConnection connection = client.connect(address);
     *      Game game = Game.start(connection, 1, 100, 42)) {
     *     game.play();
     * }
     * }</pre>
     *
     * @param options the client's timeouts
     * @return a client with those settings
     */
    GameClient client(ClientOptions options);

    /**
     * Connects a blocking client with {@link ClientOptions#defaults()}: {@code client(ClientOptions.defaults()).connect(address)}.
     *
     * @param address the server's address, as {@link GameServer#address()} gives it
     * @return the open connection
     * @throws IOException if the connection cannot be made
     * @throws ClientTimeoutException if connecting takes longer than the default connect timeout
     */
    @Override
    default GameConnection connect(SocketAddress address) throws IOException {
        return client(ClientOptions.defaults()).connect(address);
    }

    /**
     * Connects an asynchronous client with {@link ClientOptions#defaults()}: {@code client(ClientOptions.defaults()).connectAsync(address)}.
     *
     * @param address the server's address, as {@link GameServer#address()} gives it
     * @return a stage completed with the open connection
     */
    @Override
    default CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
        return client(ClientOptions.defaults()).connectAsync(address);
    }

    /**
     * Releases what the transport holds for its clients, such as client event loops; servers are
     * closed on their own. Connections still open are closed. Does nothing by default.
     */
    @Override
    default void close() {}
}
