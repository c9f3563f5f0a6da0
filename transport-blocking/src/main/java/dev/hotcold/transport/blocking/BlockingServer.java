package dev.hotcold.transport.blocking;

import dev.hotcold.core.spi.Endpoint;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.socket.Sockets;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import dev.hotcold.core.tls.TlsConfig;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The blocking server's endpoint: a listening socket, an acceptor thread, one thread per
 * connection and, with an idle timeout, a reaper thread. Connection and reaper threads come from
 * one thread-per-task executor of the chosen kind. The acceptor is always a platform thread: a
 * virtual thread blocked in {@code accept} defers the listener's close until it wakes, and in
 * that window the kernel would still take connections that nobody serves; a platform thread's
 * close takes effect at once, so shutdown refuses new clients from the moment it returns. The
 * lifecycle is core's {@link ServerLifecycle}.
 */
final class BlockingServer implements Endpoint {
    private static final System.Logger LOG = System.getLogger(BlockingServer.class.getName());

    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final ExecutorService threads;
    private volatile Thread acceptor;
    /** Set once, before the acceptor starts. */
    private ServerLifecycle server;
    /** Released to make the reaper end. */
    private final Semaphore reaperWake = new Semaphore(0);
    private volatile boolean released;
    /** The server's TLS settings, or null for plain text. */
    private final TlsConfig tls;

    private BlockingServer(ServerSocketChannel listener, ThreadKind kind, TlsConfig tls) throws IOException {
        this.listener = listener;
        this.tls = tls;
        this.address = listener.getLocalAddress();
        this.threads = Executors.newThreadPerTaskExecutor(kind.factory("hotcold-server-blocking-"));
    }

    static GameServer start(ServerConfig config, ThreadKind kind) throws IOException {
        ServerSocketChannel listener = Sockets.listen(config);
        BlockingServer endpoint = null;
        try {
            endpoint = new BlockingServer(listener, kind, config.tls().orElse(null));
            ServerLifecycle server = new ServerLifecycle(config, endpoint);
            endpoint.server = server;
            BlockingServer started = endpoint;
            if (server.idleScanIntervalNanos() != 0) {
                endpoint.threads.execute(() -> started.reapIdleConnections(server));
            }
            endpoint.acceptor = Thread.ofPlatform().name("hotcold-server-blocking-acceptor").daemon(true)
                    .start(() -> Sockets.acceptLoop(listener, "hotcold-server-blocking-acceptor",
                            started::serveOnItsOwnThread));
            return server;
        } catch (Throwable failure) {
            // Nothing may outlive a serve() that failed: the listener, and the reaper if it started.
            Sockets.closeQuietly(listener);
            if (endpoint != null) {
                endpoint.release();
                endpoint.threads.shutdownNow();
            }
            throw failure;
        }
    }

    /**
     * Gives the accepted socket its thread, which admits it (or turns it away) and serves it: the
     * acceptor never waits for admission, nor for the listener's opened event.
     */
    private void serveOnItsOwnThread(SocketChannel socket) {
        ConnectionHandler handler = new ConnectionHandler(socket, tls);
        try {
            threads.execute(() -> handler.run(server));
        } catch (RejectedExecutionException | OutOfMemoryError noThread) {
            handler.close();   // not admitted: no slot to give back
            if (!server.isShutdown()) {
                LOG.log(Level.WARNING, "no thread for a new connection; it is closed", noThread);
            }
        }
    }

    /** Closes idle connections every scan interval until the server is released. */
    private void reapIdleConnections(ServerLifecycle server) {
        long intervalNanos = server.idleScanIntervalNanos();
        try {
            while (!released) {
                reaperWake.tryAcquire(intervalNanos, TimeUnit.NANOSECONDS);
                server.closeIdle(server.now());
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
    public void stopAccepting() {
        threads.shutdown();   // no new threads; those running go on
        Sockets.closeQuietly(listener);
    }

    @Override
    public void release() {
        released = true;
        reaperWake.release();
    }

    @Override
    public boolean isTerminated() {
        return !acceptor.isAlive() && threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        if (!acceptor.join(Duration.ofNanos(Math.max(1, nanos)))) {
            return false;
        }
        return threads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
