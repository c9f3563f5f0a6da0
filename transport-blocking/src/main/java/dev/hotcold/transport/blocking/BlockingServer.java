package dev.hotcold.transport.blocking;

import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.transport.Addresses;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A listening socket, an acceptor thread, one thread per connection and, with an idle timeout, a
 * reaper thread, all from one thread-per-task executor, so that awaiting the executor awaits every
 * thread. Sockets are channels in blocking mode.
 */
final class BlockingServer implements GameServer {
    private static final System.Logger LOG = System.getLogger(BlockingServer.class.getName());
    private static final long ACCEPT_RETRY_NANOS = 100_000_000L;

    private final ServerConfig config;
    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final ExecutorService threads;
    private final Set<ConnectionHandler> handlers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    /** Released to make the reaper look again: at shutdown, and as connections close after it. */
    private final Semaphore reaperWake = new Semaphore(0);
    /** Guards the switch from accepting to shutting down against a connection being admitted. */
    private final Object admission = new Object();
    private volatile boolean accepting = true;

    private BlockingServer(ServerConfig config, ServerSocketChannel listener, ThreadKind kind) throws IOException {
        this.config = config;
        this.listener = listener;
        this.address = listener.getLocalAddress();
        this.threads = Executors.newThreadPerTaskExecutor(kind.factory("hotcold-server-blocking-"));
    }

    static BlockingServer start(ServerConfig config, ThreadKind kind) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        BlockingServer server;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(config.bindAddress(), config.backlog());
            server = new BlockingServer(config, listener, kind);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + Addresses.describe(config.bindAddress()) + ": " + e.getMessage(), e);
        }
        server.threads.execute(server::acceptLoop);
        if (!config.idleTimeout().isZero()) {
            server.threads.execute(server::reapIdleConnections);
        }
        return server;
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (listener.isOpen()) {
                    // Out of file descriptors, say: wait a little and try again rather than stop.
                    LOG.log(Level.WARNING, "accept failed; trying again shortly", e);
                    LockSupport.parkNanos(ACCEPT_RETRY_NANOS);
                }
                continue;
            }
            admit(channel);
        }
    }

    private void admit(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        if (connectionCount.incrementAndGet() > config.maxConnections()) {
            connectionCount.decrementAndGet();
            refuse(channel);
            return;
        }
        ConnectionHandler handler = new ConnectionHandler(channel, config, this::closed);
        synchronized (admission) {
            if (!accepting) {
                connectionCount.decrementAndGet();
                closeQuietly(channel);
                return;
            }
            handlers.add(handler);
            config.listener().onConnectionOpened();
            try {
                threads.execute(handler);
            } catch (RuntimeException | OutOfMemoryError noThread) {
                closeQuietly(channel);
                closed(handler);
                LOG.log(Level.WARNING, "no thread for a new connection; it is closed", noThread);
            }
        }
    }

    /** Tells a client over the limit why it is turned away, then hangs up. */
    private static void refuse(SocketChannel channel) {
        try (channel) {
            channel.write(ByteBuffer.wrap(ErrorReason.SERVER_BUSY.replyBytes()));
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // The client is gone already; nothing more to tell it.
        }
    }

    /** Called by a handler's thread as its connection ends. */
    private void closed(ConnectionHandler handler) {
        if (handlers.remove(handler)) {
            connectionCount.decrementAndGet();
            config.listener().onConnectionClosed();
        }
        if (!accepting) {
            reaperWake.release();
        }
    }

    /**
     * Closes connections through which no byte moved for the idle timeout. Looks a few times per
     * timeout (at most every second, at least every 10 ms), so a connection goes between one and
     * about one and a quarter timeouts after its last byte. Ends once the server stopped accepting
     * and its last connection closed.
     */
    private void reapIdleConnections() {
        long idleNanos = config.idleTimeout().toNanos();
        long intervalNanos = Math.max(10_000_000L, Math.min(idleNanos / 4, 1_000_000_000L));
        try {
            while (accepting || !handlers.isEmpty()) {
                reaperWake.tryAcquire(intervalNanos, TimeUnit.NANOSECONDS);
                long silentSince = System.nanoTime() - idleNanos;
                for (ConnectionHandler handler : handlers) {
                    if (handler.idleSince(silentSince)) {
                        handler.cutOff();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        return connectionCount.get();
    }

    @Override
    public void shutdown() {
        stopAccepting();
        for (ConnectionHandler handler : handlers) {
            handler.finishAfterGame();
        }
        reaperWake.release();
    }

    @Override
    public void shutdownNow() {
        stopAccepting();
        for (ConnectionHandler handler : handlers) {
            handler.cutOff();
        }
        reaperWake.release();
    }

    private void stopAccepting() {
        synchronized (admission) {
            if (!accepting) {
                return;
            }
            accepting = false;
            threads.shutdown();   // no new threads; those running go on
        }
        closeQuietly(listener);
    }

    @Override
    public boolean isTerminated() {
        return threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return threads.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is all that is left to do.
        }
    }

    @Override
    public String toString() {
        return "BlockingServer[" + Addresses.describe(address) + ", connections=" + connectionCount() + "]";
    }
}
