package dev.hotcold.transport.nio;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.client.GameConnection;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * An NIO client with its {@link ClientOptions}, on its transport's client loops. The blocking
 * API is the asynchronous one waited on; a wait that the options' timeouts bound ends within
 * about one and a half timeouts (see {@link dev.hotcold.core.client.ClientDeadline}). A blocking
 * call made on a client loop (in a stage's callback) would wait for the loop itself, and fails at
 * once with an {@link IllegalStateException}.
 */
final class NioClient implements GameClient {
    private final NioTransport transport;
    private final ClientOptions options;

    NioClient(NioTransport transport, ClientOptions options) {
        this.transport = transport;
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public GameConnection connect(SocketAddress address) throws IOException {
        transport.checkNotOnClientLoop("connect");
        try {
            return GameConnection.blocking(connectAsync(address).toCompletableFuture().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot connect to " + address, e.getCause());
        }
    }

    @Override
    public CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
        return transport.connectAsync(address, options);
    }

    @Override
    public String toString() {
        return "NioClient[" + options + "]";
    }
}
