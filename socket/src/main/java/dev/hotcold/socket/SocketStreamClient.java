package dev.hotcold.socket;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.StreamAsyncConnection;
import dev.hotcold.core.client.StreamGameConnection;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A client on blocking sockets with its {@link ClientOptions}, TCP or UNIX-domain, plain or TLS:
 * it connects (and completes the TLS handshake) within the connect timeout, and every read and
 * write waits at most the reply timeout (see {@link ClientChannel}), so {@code close()}, which
 * writes what is buffered, is bounded too. An asynchronous connection has a virtual thread that
 * reads and one that writes. The blocking transport's client, and the NIO transport's over TLS.
 */
public final class SocketStreamClient implements GameClient {
    /** Each asynchronous connection's reading and writing tasks, on virtual threads of their own. */
    private static final Executor VIRTUAL_THREADS =
            task -> Thread.ofVirtual().name("hotcold-client-blocking-connection").start(task);

    private final ClientOptions options;

    /**
     * A client with {@code options}.
     *
     * @param options the timeouts, and TLS if any
     */
    public SocketStreamClient(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public GameConnection connect(SocketAddress address) throws IOException {
        ClientChannel socket = ClientChannel.connect(address, options);
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
                    ClientChannel socket = ClientChannel.connect(address, options);
                    connected.complete(new StreamAsyncConnection(socket.in(), socket.out(), socket, VIRTUAL_THREADS));
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
        return "SocketStreamClient[" + options + "]";
    }
}
