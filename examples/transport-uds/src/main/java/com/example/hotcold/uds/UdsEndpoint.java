package com.example.hotcold.uds;

import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.spi.Endpoint;
import dev.hotcold.socket.Sockets;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** The listening side: an accept loop, a virtual thread per connection, and the idle scan. */
final class UdsEndpoint implements Endpoint {
    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("uds-server-", 0).factory());
    private Thread acceptor;

    UdsEndpoint(ServerSocketChannel listener) throws IOException {
        this.listener = listener;
        this.address = listener.getLocalAddress();
    }

    void start(ServerLifecycle server) {
        if (server.idleScanIntervalNanos() != 0) {
            threads.execute(() -> closeIdle(server));
        }
        acceptor = Thread.ofPlatform().name("uds-server-acceptor").daemon(true).start(() ->
                Sockets.acceptLoop(listener, "uds-server-acceptor", socket -> {
                    UdsChannel channel = new UdsChannel(socket);
                    try {
                        threads.execute(() -> channel.serve(server));
                    } catch (RejectedExecutionException shuttingDown) {
                        channel.close();   // never admitted: no slot to give back
                    }
                }));
    }

    private void closeIdle(ServerLifecycle server) {
        try {
            while (!threads.isShutdown()) {
                TimeUnit.NANOSECONDS.sleep(server.idleScanIntervalNanos());
                server.closeIdle(server.now());
            }
        } catch (InterruptedException released) {
            // The server is done.
        }
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    @Override
    public void stopAccepting() {
        Sockets.closeQuietly(listener);
        try {
            var file = ((UnixDomainSocketAddress) address).getPath();
            Files.deleteIfExists(file);
            if (file.getParent() != null && file.getParent().getFileName().toString().startsWith("hotcold-uds")) {
                Files.deleteIfExists(file.getParent());   // the temporary directory serve() made
            }
        } catch (IOException ignored) {
            // A stale socket file refuses connections all the same.
        }
    }

    @Override
    public void release() {
        threads.shutdownNow();   // the idle scan; every connection's thread has ended by now
    }

    @Override
    public boolean isTerminated() {
        return !acceptor.isAlive() && threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        return acceptor.join(Duration.ofNanos(Math.max(1, nanos)))
                && threads.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
}
