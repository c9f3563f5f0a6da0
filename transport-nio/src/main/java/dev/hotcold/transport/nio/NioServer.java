package dev.hotcold.transport.nio;

import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.spi.Endpoint;
import dev.hotcold.socket.Sockets;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The NIO server's endpoint: an acceptor thread, N event loops, and virtual threads for the
 * listener. The acceptor takes connections with a blocking {@code accept} and hands them
 * round-robin to the loops, which admit them and own them for life. The listener runs on a
 * virtual thread per batch of a connection's events, never on a loop. The lifecycle is core's
 * {@link ServerLifecycle}.
 */
final class NioServer implements Endpoint {
    private final ServerSocketChannel listener;
    private final SocketAddress address;
    /** The loops, in the order the acceptor hands them sockets. */
    final ServerLoop[] loops;
    /** Runs listener calls, so that a slow listener holds up its own connection, never a loop. */
    private final ExecutorService listenerThreads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("hotcold-server-nio-listener-", 0).factory());
    private volatile Thread acceptor;
    /** The acceptor thread's alone. */
    private int nextLoop;

    private NioServer(ServerSocketChannel listener, int loopCount) throws IOException {
        this.listener = listener;
        this.address = listener.getLocalAddress();
        this.loops = new ServerLoop[loopCount];
    }

    /**
     * Binds and starts a server; if any part of that fails (a selector that cannot be opened, a
     * thread that cannot be started), everything started so far is stopped and the port freed
     * before the failure is thrown.
     */
    static GameServer start(ServerConfig config, int loopCount, WaterMarks waterMarks) throws IOException {
        ServerSocketChannel listener = Sockets.listen(config);
        NioServer endpoint = null;
        try {
            endpoint = new NioServer(listener, loopCount);
            ServerLifecycle server = new ServerLifecycle(config, endpoint, endpoint.listenerThreads);
            endpoint.start(server, waterMarks);
            return server;
        } catch (Throwable failure) {
            Sockets.closeQuietly(listener);
            if (endpoint != null) {
                endpoint.release();
            }
            throw failure;
        }
    }

    private void start(ServerLifecycle server, WaterMarks waterMarks) throws IOException {
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new ServerLoop("hotcold-server-nio-loop-" + i, server, waterMarks);
            loops[i].start();
        }
        acceptor = Thread.ofPlatform().name("hotcold-server-nio-acceptor").daemon(true)
                .start(() -> Sockets.acceptLoop(listener, "hotcold-server-nio-acceptor", this::handOver));
    }

    /** On the acceptor: the next loop in turn takes the socket and admits it. */
    private void handOver(SocketChannel socket) throws IOException {
        socket.configureBlocking(false);
        ServerLoop loop = loops[nextLoop];
        nextLoop = (nextLoop + 1) % loops.length;
        loop.adopt(socket);
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    @Override
    public void stopAccepting() {
        Sockets.closeQuietly(listener);
    }

    @Override
    public void release() {
        for (ServerLoop loop : loops) {
            if (loop != null && loop.isStarted()) {
                loop.stopNow();
            } else if (loop != null) {
                loop.discard();
            }
        }
        listenerThreads.shutdown();
    }

    @Override
    public boolean isTerminated() {
        if (acceptor != null && acceptor.isAlive()) {
            return false;
        }
        for (ServerLoop loop : loops) {
            if (loop != null && loop.thread().isAlive()) {
                return false;
            }
        }
        return listenerThreads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        if (acceptor != null && !acceptor.join(Duration.ofNanos(Math.max(1, nanos)))) {
            return false;
        }
        for (ServerLoop loop : loops) {
            if (loop != null && !loop.join(deadline - System.nanoTime())) {
                return false;
            }
        }
        return listenerThreads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
