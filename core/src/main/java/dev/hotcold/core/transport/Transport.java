package dev.hotcold.core.transport;

import dev.hotcold.core.client.AsyncGameConnection;
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

    /** Connects a blocking client to the server at {@code address}. */
    GameConnection connect(SocketAddress address) throws IOException;

    /** Connects an asynchronous client; the stage fails with an {@link IOException} if it cannot. */
    CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address);

    /**
     * Releases what the transport holds for its clients, such as client event loops; servers are
     * closed on their own. Connections still open are closed. Does nothing by default.
     */
    @Override
    default void close() {}
}
