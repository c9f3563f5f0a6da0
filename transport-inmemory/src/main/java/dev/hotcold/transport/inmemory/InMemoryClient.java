package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientDeadline;
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
 * An in-memory client with its {@link ClientOptions}. Connecting never waits (nothing here waits
 * to be accepted), so the connect timeout has nothing to time. The reply timeout bounds each wait
 * for a reply and each wait for room in a full request pipe, so {@code close()}, which writes
 * what is buffered, is bounded too: a wait that runs out closes the connection and fails with a
 * {@link dev.hotcold.core.client.ClientTimeoutException}.
 */
final class InMemoryClient implements GameClient {
    private final ClientOptions options;

    InMemoryClient(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public GameConnection connect(SocketAddress address) throws IOException {
        Link link = InMemoryServer.lookup(address).accept();
        ClientDeadline deadline = new ClientDeadline(options, address, link::closeClient);
        return new StreamGameConnection(LinkStreams.input(link, deadline), LinkStreams.output(link, deadline), () -> {
            link.closeClient();
            deadline.close();
        });
    }

    @Override
    public CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
        try {
            return CompletableFuture.completedFuture(
                    new AsyncInMemoryConnection(InMemoryServer.lookup(address).accept(), address, options));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String toString() {
        return "InMemoryClient[" + options + "]";
    }
}
