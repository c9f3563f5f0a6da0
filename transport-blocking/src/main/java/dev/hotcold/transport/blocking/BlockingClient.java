package dev.hotcold.transport.blocking;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.StreamGameConnection;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A blocking-socket client with its {@link ClientOptions}: it connects within the connect
 * timeout, and every read and write waits at most the reply timeout (see {@link ClientSocket}),
 * so {@code close()}, which writes what is buffered, is bounded too.
 */
final class BlockingClient implements GameClient {
    private final ClientOptions options;

    BlockingClient(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public GameConnection connect(SocketAddress address) throws IOException {
        ClientSocket socket = ClientSocket.connect(address, options);
        return new StreamGameConnection(socket.in(), socket.out(), socket);
    }

    /**
     * As {@link #connect}, on a virtual thread; the connection has a virtual thread that writes
     * and one that reads.
     */
    @Override
    public CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
        CompletableFuture<AsyncGameConnection> connected = new CompletableFuture<>();
        try {
            Thread.ofVirtual().name("hotcold-client-blocking-connect").start(() -> {
                try {
                    connected.complete(new ThreadedAsyncConnection(ClientSocket.connect(address, options)));
                } catch (Throwable e) {
                    connected.completeExceptionally(e);
                }
            });
        } catch (OutOfMemoryError noThread) {
            connected.completeExceptionally(new IOException("no thread to connect to " + address + " on", noThread));
        }
        return connected;
    }

    @Override
    public String toString() {
        return "BlockingClient[" + options + "]";
    }
}
