package dev.hotcold.core.client;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * A client with its settings given once, as OkHttp's {@code OkHttpClient} holds its timeouts:
 * every connection it makes waits for the server no longer than its {@link ClientOptions} say. A
 * transport is itself a client with {@link ClientOptions#defaults()}; {@code transport.client(options)}
 * makes one with other settings, sharing the transport's threads.
 *
 * <pre>{@code
 * GameClient client = transport.client(ClientOptions.builder().replyTimeout(Duration.ofSeconds(5)).build());
 * try (GameConnection connection = client.connect(address);
 *      Game game = Game.start(connection, 1, 100, 42)) {
 *     game.play();                                 // a silent server: ClientTimeoutException after 5 s
 * }
 * }</pre>
 *
 * <p>Thread-safe. A wait that runs out fails with a {@link ClientTimeoutException} naming the
 * setting and closes the connection.
 */
public interface GameClient {

    /**
     * Connects a blocking client to the server at {@code address}.
     *
     * @param address the server's address
     * @return the open connection
     * @throws IOException if the connection cannot be made
     * @throws ClientTimeoutException if connecting takes longer than the connect timeout
     */
    GameConnection connect(SocketAddress address) throws IOException;

    /**
     * Connects an asynchronous client; the stage fails with an {@link IOException} if it cannot,
     * a {@link ClientTimeoutException} if it took longer than the connect timeout. On the
     * connection, a stage the server leaves waiting past the reply timeout fails with a
     * {@link ClientTimeoutException} and the connection closes.
     *
     * @param address the server's address
     * @return a stage completed with the open connection, or failed as described above
     */
    CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address);
}
