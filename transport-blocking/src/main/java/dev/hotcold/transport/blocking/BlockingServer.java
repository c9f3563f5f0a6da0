package dev.hotcold.transport.blocking;

import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening socket, an acceptor thread and one thread per connection, all from one
 * thread-per-task executor, so that awaiting the executor awaits every thread.
 */
final class BlockingServer implements GameServer {
    private static final System.Logger LOG = System.getLogger(BlockingServer.class.getName());
    private static final int BACKLOG = 1024;

    private final ServerConfig config;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<ConnectionHandler> handlers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    /** Guards the switch from accepting to shutting down against a connection being admitted. */
    private final Object admission = new Object();
    private boolean accepting = true;

    private BlockingServer(ServerConfig config, ServerSocket listener, ThreadKind kind) {
        this.config = config;
        this.listener = listener;
        this.threads = Executors.newThreadPerTaskExecutor(kind.factory("hotcold-server-blocking-"));
    }

    static BlockingServer start(ServerConfig config, ThreadKind kind) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(config.bindAddress(), BACKLOG);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + hostAndPort(config.bindAddress()) + ": " + e.getMessage(), e);
        }
        BlockingServer server = new BlockingServer(config, listener, kind);
        server.threads.execute(server::acceptLoop);
        return server;
    }

    private void acceptLoop() {
        while (true) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.log(Level.WARNING, "accept failed; the server stops accepting", e);
                }
                return;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        if (connectionCount.incrementAndGet() > config.maxConnections()) {
            connectionCount.decrementAndGet();
            refuse(socket);
            return;
        }
        ConnectionHandler handler = new ConnectionHandler(socket, config, this::closed);
        synchronized (admission) {
            if (!accepting) {
                connectionCount.decrementAndGet();
                closeQuietly(socket);
                return;
            }
            handlers.add(handler);
            config.listener().onConnectionOpened();
            threads.execute(handler);
        }
    }

    /** Tells a client over the limit why it is turned away, then hangs up. */
    private static void refuse(Socket socket) {
        try (socket) {
            socket.getOutputStream().write(ErrorReason.SERVER_BUSY.replyBytes());
            socket.shutdownOutput();
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
    }

    @Override
    public SocketAddress address() {
        return listener.getLocalSocketAddress();
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
    }

    @Override
    public void shutdownNow() {
        stopAccepting();
        for (ConnectionHandler handler : handlers) {
            handler.cutOff();
        }
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

    private static String hostAndPort(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
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
        return "BlockingServer[" + address() + ", connections=" + connectionCount() + "]";
    }
}
