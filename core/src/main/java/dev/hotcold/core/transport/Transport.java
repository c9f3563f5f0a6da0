package dev.hotcold.core.transport;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.client.GameConnection;
import java.io.IOException;
import java.net.SocketAddress;
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
 * <p>Implementations are thread-safe. Every transport passes the conformance suite shipped in
 * hotcold-core's test-jar.
 */
public interface Transport extends AutoCloseable {

    /** A short name for logs and the command line, such as {@code nio}. */
    String name();

    /** Binds a server as {@code config} says and starts serving at once. */
    GameServer serve(ServerConfig config) throws IOException;

    /** Connects a blocking client with {@link ClientOptions#defaults()}. */
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
     */
    GameConnection connect(SocketAddress address, ClientOptions options) throws IOException;

    /** Connects an asynchronous client with {@link ClientOptions#defaults()}. */
    default CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
        return connectAsync(address, ClientOptions.defaults());
    }

    /**
     * Connects an asynchronous client; the stage fails with an {@link IOException} if it cannot,
     * a {@link ClientTimeoutException} if it took longer than the connect timeout. On the
     * connection, a stage the server leaves waiting past the reply timeout fails with a
     * {@link ClientTimeoutException} and the connection closes.
     */
    CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address, ClientOptions options);

    /**
     * Releases what the transport holds for its clients, such as client event loops; servers are
     * closed on their own. Connections still open are closed. Does nothing by default.
     */
    @Override
    default void close() {}
}
