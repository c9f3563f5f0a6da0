package dev.hotcold.transport.nio;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An acceptor thread and N event loops. The acceptor takes connections with a blocking
 * {@code accept}, turns away those over the limit, and hands the others round-robin to the loops,
 * which own them for life.
 */
final class NioServer implements GameServer {
    private static final System.Logger LOG = System.getLogger(NioServer.class.getName());
    private static final long ACCEPT_RETRY_NANOS = 100_000_000L;

    private final ServerConfig config;
    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final ServerLoop[] loops;
    private final Thread acceptor;
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Object lifecycle = new Object();
    private boolean accepting = true;
    private boolean draining;
    private int nextLoop;

    private NioServer(ServerConfig config, ServerSocketChannel listener, int loopCount, WaterMarks waterMarks)
            throws IOException {
        this.config = config;
        this.listener = listener;
        this.address = listener.getLocalAddress();
        this.loops = new ServerLoop[loopCount];
        for (int i = 0; i < loopCount; i++) {
            loops[i] = new ServerLoop("hotcold-server-nio-loop-" + i, config, waterMarks, connectionCount);
        }
        this.acceptor = Thread.ofPlatform().name("hotcold-server-nio-acceptor").daemon(true).unstarted(this::acceptLoop);
    }

    static NioServer start(ServerConfig config, int loopCount, WaterMarks waterMarks) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        NioServer server;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(config.bindAddress(), config.backlog());
            server = new NioServer(config, listener, loopCount, waterMarks);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + Addresses.describe(config.bindAddress()) + ": " + e.getMessage(), e);
        }
        for (ServerLoop loop : server.loops) {
            loop.start();
        }
        server.acceptor.start();
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
            channel.configureBlocking(false);
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        if (connectionCount.incrementAndGet() > config.maxConnections()) {
            connectionCount.decrementAndGet();
            refuse(channel);
            return;
        }
        ServerLoop loop;
        synchronized (lifecycle) {
            if (!accepting) {
                connectionCount.decrementAndGet();
                closeQuietly(channel);
                return;
            }
            loop = loops[nextLoop];
            nextLoop = (nextLoop + 1) % loops.length;
        }
        loop.adopt(channel);
    }

    /** Tells a client over the limit why it is turned away, then hangs up. */
    private static void refuse(SocketChannel channel) {
        try (channel) {
            // A fresh socket's send buffer takes these few bytes at once, even non-blocking.
            channel.write(ByteBuffer.wrap(ErrorReason.SERVER_BUSY.replyBytes()));
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // Gone already.
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
        synchronized (lifecycle) {
            if (draining) {
                return;
            }
            draining = true;
        }
        for (ServerLoop loop : loops) {
            loop.finishAfterGames();
        }
    }

    @Override
    public void shutdownNow() {
        stopAccepting();
        for (ServerLoop loop : loops) {
            loop.stopNow();
        }
    }

    private void stopAccepting() {
        synchronized (lifecycle) {
            if (!accepting) {
                return;
            }
            accepting = false;
        }
        closeQuietly(listener);
    }

    @Override
    public boolean isTerminated() {
        if (acceptor.isAlive()) {
            return false;
        }
        for (ServerLoop loop : loops) {
            if (loop.thread().isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!acceptor.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            return false;
        }
        for (ServerLoop loop : loops) {
            if (!loop.join(deadline - System.nanoTime())) {
                return false;
            }
        }
        return true;
    }

    /**
     * For tests: the most unsent bytes held for any one connection, and the number of
     * connections whose reading is suspended by the water marks.
     */
    int[] backlog() {
        int largest = 0;
        int suspended = 0;
        for (ServerLoop loop : loops) {
            int[] one = loop.backlog().join();
            largest = Math.max(largest, one[0]);
            suspended += one[1];
        }
        return new int[] {largest, suspended};
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closed is closed.
        }
    }

    @Override
    public String toString() {
        return "NioServer[" + Addresses.describe(address) + ", loops=" + loops.length + ", connections=" + connectionCount() + "]";
    }
}
