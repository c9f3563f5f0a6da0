package dev.hotcold.junit;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The transport a test is given: the in-memory transport, with every connection it opens on the
 * test's list of open connections (and where the test opened it), and every server it starts
 * remembered so that the harness shuts it down after the test. Thread-safe.
 */
final class TrackingTransport implements Transport {
    private final Transport delegate;
    private final OpenConnections connections;
    private final List<GameServer> servers = new CopyOnWriteArrayList<>();

    TrackingTransport(Transport delegate, OpenConnections connections) {
        this.delegate = delegate;
        this.connections = connections;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /** Starts a server that the harness shuts down after the test, as the one it gives. */
    @Override
    public GameServer serve(ServerConfig config) throws IOException {
        GameServer server = delegate.serve(config);
        servers.add(server);
        return server;
    }

    /** A client whose every connection is on the test's list, with where the test opened it. */
    @Override
    public GameClient client(ClientOptions options) {
        GameClient client = delegate.client(options);
        return new GameClient() {
            @Override
            public GameConnection connect(SocketAddress address) throws IOException {
                String openedBy = "at " + caller();
                return connections.track(client.connect(address), address, openedBy, false);
            }

            @Override
            public CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
                String openedBy = "at " + caller();   // now, on the test's thread, not in the callback
                return client.connectAsync(address)
                        .thenApply(connection -> connections.track(connection, address, openedBy, false));
            }
        };
    }

    /** A connection the harness makes for a parameter, and closes itself. */
    GameConnection connectForParameter(SocketAddress address, String parameter) throws IOException {
        return connections.track(delegate.connect(address), address, "for " + parameter, true);
    }

    /** An asynchronous connection the harness makes for a parameter, and closes itself. */
    AsyncGameConnection connectAsyncForParameter(SocketAddress address, String parameter) {
        // In-memory connections are made on the calling thread: the stage is already complete.
        return connections.track(delegate.connectAsync(address).toCompletableFuture().join(), address,
                "for " + parameter, true);
    }

    /** Every server started through this transport, the harness's own first. */
    List<GameServer> servers() {
        return List.copyOf(servers);
    }

    /** Does nothing: the harness closes what the transport opened, after the test. */
    @Override
    public void close() {}

    /** The first frame outside this class: the test code (or library code it called) that connects. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().startsWith(TrackingTransport.class.getName()))
                .filter(frame -> !frame.getClassName().startsWith("dev.hotcold.core."))
                .findFirst()
                .map(frame -> frame.toStackTraceElement().toString())
                .orElse("an unknown place"));
    }

    @Override
    public String toString() {
        return "TrackingTransport[" + delegate + "]";
    }
}
