package dev.hotcold.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server that accepts one connection and then neither reads nor writes: what a client meets
 * when the server hangs. Its receive buffer is small, so a client that keeps sending soon stalls.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket listener;
    private final CompletableFuture<Socket> accepted = new CompletableFuture<>();

    /**
     * Listens on a free loopback port and accepts one connection in the background.
     *
     * @throws IOException if the listening socket cannot be opened
     */
    public SilentServer() throws IOException {
        listener = new ServerSocket();
        listener.setReceiveBufferSize(4096);   // inherited by the accepted socket
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("silent-server").start(() -> {
            try {
                accepted.complete(listener.accept());
            } catch (IOException e) {
                accepted.completeExceptionally(e);
            }
        });
    }

    /**
     * Where the server listens.
     *
     * @return the loopback address and port
     */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * Starts reading now and returns once the client's side is closed (end of stream or a
     * reset); throws if the client keeps the connection open for {@code seconds}.
     *
     * @param seconds how long to wait for the connection and then for its close
     * @throws Exception if no client connected within {@code seconds}, or reading failed
     */
    public void awaitClientClosed(int seconds) throws Exception {
        Socket socket = accepted.get(seconds, TimeUnit.SECONDS);
        socket.setSoTimeout(seconds * 1000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // Drain what the client sent before it closed.
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the client did not close the connection within " + seconds + " s", e);
        } catch (SocketException reset) {
            // Closed with unread data or unsent bytes: a reset is a close too.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        accepted.thenAccept(socket -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a test's socket.
            }
        });
    }
}
