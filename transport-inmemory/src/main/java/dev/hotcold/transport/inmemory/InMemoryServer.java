package dev.hotcold.transport.inmemory;

import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.session.ServerSession;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory server: a name in the JVM-wide registry and the links of its connections. It owns
 * no thread; sessions run on the threads of the clients that talk to them.
 */
final class InMemoryServer implements GameServer {
    /** Every running in-memory server of the JVM, by name. */
    private static final ConcurrentMap<String, InMemoryServer> RUNNING = new ConcurrentHashMap<>();

    private final InMemoryAddress address;
    private final ServerConfig config;
    private final int pipeCapacity;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object stateLock = new Object();
    private int connectionCount;
    private boolean accepting = true;

    private InMemoryServer(InMemoryAddress address, ServerConfig config, int pipeCapacity) {
        this.address = address;
        this.config = config;
        this.pipeCapacity = pipeCapacity;
    }

    /** Starts a server under the config's name, or a unique name if the config has no in-memory address. */
    static InMemoryServer start(ServerConfig config, int pipeCapacity) throws IOException {
        InMemoryAddress address = config.bindAddress() instanceof InMemoryAddress named
                ? named
                : InMemoryAddress.unique();
        InMemoryServer server = new InMemoryServer(address, config, pipeCapacity);
        if (RUNNING.putIfAbsent(address.name(), server) != null) {
            throw new IOException("an in-memory server named " + address.name() + " is already running");
        }
        return server;
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

    /** A new connection, or one that only says the server is busy. */
    Link accept() throws IOException {
        Link link;
        synchronized (stateLock) {
            if (!accepting) {
                throw new IOException("in-memory server " + address.name() + " is shut down");
            }
            if (connectionCount >= config.maxConnections()) {
                return new Link(pipeCapacity, null, ErrorReason.SERVER_BUSY.replyBytes(), refused -> {});
            }
            connectionCount++;
            // Registered under the lock, so that a shutdown either refuses it or sees it.
            ServerSession session = new ServerSession(config.strategy(), config.listener(), config.maxLineLength());
            link = new Link(pipeCapacity, session, null, this::closed);
            links.add(link);
        }
        config.listener().onConnectionOpened();
        return link;
    }

    private void closed(Link link) {
        if (!links.remove(link)) {
            return;
        }
        synchronized (stateLock) {
            connectionCount--;
        }
        config.listener().onConnectionClosed();
        terminateIfDone();
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public int connectionCount() {
        synchronized (stateLock) {
            return connectionCount;
        }
    }

    @Override
    public void shutdown() {
        stopAccepting();   // under stateLock: every accepted link is in links from here on
        for (Link link : links) {
            link.finishAfterGame();
        }
        terminateIfDone();
    }

    @Override
    public void shutdownNow() {
        stopAccepting();
        for (Link link : links) {
            link.closeServer();
        }
        terminateIfDone();
    }

    private void stopAccepting() {
        synchronized (stateLock) {
            if (accepting) {
                accepting = false;
                RUNNING.remove(address.name(), this);
            }
        }
    }

    private void terminateIfDone() {
        synchronized (stateLock) {
            if (!accepting && connectionCount == 0) {
                terminated.countDown();
            }
        }
    }

    @Override
    public boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "InMemoryServer[" + address + ", connections=" + connectionCount() + "]";
    }
}
