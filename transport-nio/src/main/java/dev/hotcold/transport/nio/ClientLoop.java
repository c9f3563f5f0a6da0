package dev.hotcold.transport.nio;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A client event loop: many client connections on one thread. Commands sent from the loop thread
 * (from callbacks of earlier replies) are buffered and written once per round of the loop, so a
 * {@code REPORT} and the {@code NUMBER} after it leave in one write, as the two sends of the
 * protocol's reference client do in one segment with Nagle.
 */
final class ClientLoop extends EventLoop {
    private static final System.Logger LOG = System.getLogger(ClientLoop.class.getName());
    private static final int BUFFER_SIZE = 16 * 1024;

    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final List<ClientConnection> toFlush = new ArrayList<>();
    private volatile boolean stopping;

    ClientLoop(String name) throws IOException {
        super(name);
    }

    /**
     * Opens a connection to {@code address}; the stage completes once it is established, or fails
     * with a {@link dev.hotcold.core.client.ClientTimeoutException} after the connect timeout (the
     * connection's {@link dev.hotcold.core.client.ClientDeadline}).
     */
    CompletableFuture<AsyncGameConnection> connect(SocketAddress address, ClientOptions options) {
        CompletableFuture<AsyncGameConnection> connected = new CompletableFuture<>();
        execute(() -> {
            if (stopping) {
                connected.completeExceptionally(new IOException("the transport is closed"));
                return;
            }
            SocketChannel channel = null;
            ClientConnection connection = null;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connection = new ClientConnection(this, channel, address, options, connected);
                boolean done = channel.connect(address);
                connection.key = channel.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, connection);
                if (done) {
                    connection.connected();
                    connected.complete(connection);
                }
            } catch (Throwable e) {
                IOException failure = e instanceof IOException io ? io
                        : new IOException("cannot connect to " + address + ": " + e, e);
                if (connection != null) {
                    connection.fail(failure);   // closes the channel and the deadline too
                } else {
                    closeQuietly(channel);
                    connected.completeExceptionally(failure);
                }
            }
        });
        return connected;
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** Asks for {@code connection}'s buffered commands to be written at the end of this round. */
    void scheduleFlush(ClientConnection connection) {
        toFlush.add(connection);
    }

    @Override
    protected void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;   // closed earlier in this round, by a callback say
        }
        ClientConnection connection = (ClientConnection) key.attachment();
        try {
            if (key.isConnectable()) {
                connection.finishConnect();
                return;
            }
            if (key.isWritable()) {
                connection.flush();
            }
            if (key.isValid() && key.isReadable()) {
                connection.read();
            }
        } catch (IOException e) {
            connection.fail(e);
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "client connection failed unexpectedly", e);
            connection.fail(new IOException(e));
        }
    }

    @Override
    protected void afterBatch() {
        // A flush may complete stages whose callbacks send more: loop until all is written.
        for (int i = 0; i < toFlush.size(); i++) {
            ClientConnection connection = toFlush.get(i);
            try {
                connection.flush();
            } catch (IOException e) {
                connection.fail(e);
            } catch (Throwable e) {
                connection.fail(new IOException(e));
            }
        }
        toFlush.clear();
    }

    void stop() {
        stopping = true;
        wakeUp();
    }

    @Override
    protected boolean shouldStop() {
        return stopping;
    }

    @Override
    protected void onStop() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof ClientConnection connection) {
                connection.fail(new IOException("the transport is closed"));
            }
        }
    }

    static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closed is closed.
            }
        }
    }
}
