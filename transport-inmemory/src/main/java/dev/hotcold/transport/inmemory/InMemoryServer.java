package dev.hotcold.transport.inmemory;

import dev.hotcold.core.spi.Endpoint;
import dev.hotcold.core.server.ServerConnection;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-memory server's endpoint: a name in the JVM-wide registry. It owns no thread; sessions
 * run on the threads of the clients that talk to them. The lifecycle is core's
 * {@link ServerLifecycle}.
 */
final class InMemoryServer implements Endpoint {
    /** Every running in-memory server of the JVM, by name. */
    private static final ConcurrentMap<String, InMemoryServer> RUNNING = new ConcurrentHashMap<>();

    private final InMemoryAddress address;
    private final int pipeCapacity;
    private ServerLifecycle server;

    private InMemoryServer(InMemoryAddress address, int pipeCapacity) {
        this.address = address;
        this.pipeCapacity = pipeCapacity;
    }

    /** Starts a server under the config's name, or a unique name if the config has no in-memory address. */
    static GameServer start(ServerConfig config, int pipeCapacity) throws IOException {
        InMemoryAddress address = config.bindAddress() instanceof InMemoryAddress named
                ? named
                : InMemoryAddress.unique();
        InMemoryServer endpoint = new InMemoryServer(address, pipeCapacity);
        endpoint.server = new ServerLifecycle(config, endpoint);
        if (RUNNING.putIfAbsent(address.name(), endpoint) != null) {
            throw new IOException("an in-memory server named " + address.name() + " is already running");
        }
        return endpoint.server;
    }

    /** The running server named {@code address}. */
    static InMemoryServer lookup(SocketAddress address) throws IOException {
        if (!(address instanceof InMemoryAddress named)) {
            throw new IOException("not an in-memory address: " + address);
        }
        InMemoryServer server = RUNNING.get(named.name());
        if (server == null) {
            throw new IOException("no in-memory server named " + named.name());
        }
        return server;
    }

    /**
     * A new connection, or one that only says the server is busy. Admission runs on the
     * connecting client's thread, which will run the session: the listener hears of the
     * connection there, before this returns.
     */
    Link accept() throws IOException {
        Link link = new Link(pipeCapacity);
        Optional<ServerConnection> admitted = server.admit(link);
        if (admitted.isEmpty() && server.isShutdown()) {
            throw new IOException("in-memory server " + address.name() + " is shut down");
        }
        admitted.ifPresent(link::attach);
        return link;
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    @Override
    public void stopAccepting() {
        RUNNING.remove(address.name(), this);
    }

    @Override
    public void release() {
        // No thread to end.
    }

    @Override
    public boolean isTerminated() {
        return true;
    }

    @Override
    public boolean awaitTermination(long nanos) {
        return true;
    }
}
