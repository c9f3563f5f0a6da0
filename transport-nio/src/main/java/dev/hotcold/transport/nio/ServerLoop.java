package dev.hotcold.transport.nio;

import dev.hotcold.core.protocol.Wire;
import dev.hotcold.core.session.GameListener;
import dev.hotcold.core.session.ServerSession;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server event loop: owns its connections for life and serves them on one thread. One read
 * buffer and one write buffer serve every connection of the loop; a connection holds bytes of its
 * own only for a partial line or for replies the socket did not take.
 *
 * <p>Replies are written at once. Only when the socket does not take them all are the rest kept
 * and {@code OP_WRITE} registered, until they drain. Above the high-water mark of unsent bytes the
 * loop stops reading from the connection; at the low-water mark it reads again.
 */
final class ServerLoop extends EventLoop {
    private static final System.Logger LOG = System.getLogger(ServerLoop.class.getName());
    private static final int BUFFER_SIZE = 16 * 1024;

    private final ServerConfig config;
    private final WaterMarks waterMarks;
    private final AtomicInteger connectionCount;
    private final GameListener listener;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final long idleNanos;
    private final long scanIntervalNanos;
    private long nextIdleScan;
    private int connections;
    private volatile boolean draining;
    private volatile boolean stopping;

    ServerLoop(String name, ServerConfig config, WaterMarks waterMarks, AtomicInteger connectionCount) {
        super(name);
        this.config = config;
        this.waterMarks = waterMarks;
        this.connectionCount = connectionCount;
        this.listener = config.listener();
        this.idleNanos = config.idleTimeout().toNanos();
        // Look for idle connections a few times per timeout, but not more than every 10 ms.
        this.scanIntervalNanos = idleNanos == 0 ? 0 : Math.max(10_000_000L, Math.min(idleNanos / 4, 1_000_000_000L));
        this.nextIdleScan = System.nanoTime() + scanIntervalNanos;
    }

    /** Takes over an accepted channel (already counted in the connection count). */
    void adopt(SocketChannel channel) {
        execute(() -> register(channel));
    }

    private void register(SocketChannel channel) {
        if (stopping || draining) {
            connectionCount.decrementAndGet();
            closeQuietly(channel);
            return;
        }
        ServerConnection connection = new ServerConnection(channel,
                new ServerSession(config.strategy(), listener, config.maxLineLength()));
        try {
            connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
        } catch (ClosedChannelException e) {
            connectionCount.decrementAndGet();
            return;
        }
        connection.lastActive = System.nanoTime();
        connections++;
        listener.onConnectionOpened();
    }

    @Override
    protected void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;   // closed earlier in this round
        }
        ServerConnection connection = (ServerConnection) key.attachment();
        try {
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                flushUnsent(connection);
            }
            if ((ready & SelectionKey.OP_READ) != 0 && !connection.closed) {
                read(connection);
            }
        } catch (IOException e) {
            close(connection);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "connection failed unexpectedly; closing it", e);
            close(connection);
        }
    }

    private void read(ServerConnection connection) throws IOException {
        ByteBuffer in = readBuffer.clear();
        int read = connection.channel.read(in);
        if (read < 0) {
            // The client is done sending (it may only have shut down its output): deliver what
            // is unsent, then close.
            connection.inputEnded = true;
            closeWhenFlushed(connection);
            return;
        }
        if (read == 0) {
            return;
        }
        if (idleNanos != 0) {
            connection.lastActive = System.nanoTime();
        }
        in.flip();
        process(connection, in);
    }

    /**
     * Feeds {@code in} to the session, checking the high-water mark before every batch of
     * replies: each batch may take the unsent bytes at most one reply past the mark, and once they
     * are past it the input not yet processed is kept and reading stops, to go on from that input
     * when the client catches up. Without the per-batch check one 16 KiB read of empty lines made
     * 16 K replies of 17 bytes, whatever the mark.
     */
    private void process(ServerConnection connection, ByteBuffer in) throws IOException {
        ServerSession session = connection.session;
        while (in.hasRemaining() && !session.isFinished()) {
            int unsent = connection.unsent.size();
            if (unsent > waterMarks.high()) {
                // The loop's read buffer is reused by every connection; a rest already kept is not.
                connection.unread = in == readBuffer ? ByteBuffer.allocate(in.remaining()).put(in).flip() : in;
                break;
            }
            // Room for replies up to the mark, plus one reply: a session writes only while it has
            // room for its longest reply.
            long room = (long) waterMarks.high() - unsent + Wire.MAX_REPLY_BYTES;
            ByteBuffer out = writeBuffer.clear().limit((int) Math.min(BUFFER_SIZE, room));
            session.receive(in, out);
            out.flip();
            if (out.hasRemaining()) {
                send(connection, out);
            }
        }
        if (session.isFinished()) {
            connection.unread = null;
            closeWhenFlushed(connection);
        } else if (connection.unsent.size() > waterMarks.high()) {
            connection.readSuspended = true;
            updateInterest(connection);
        }
    }

    /** Writes at once if nothing is waiting; keeps what the socket does not take. */
    private void send(ServerConnection connection, ByteBuffer out) throws IOException {
        if (connection.unsent.isEmpty()) {
            connection.channel.write(out);
            if (!out.hasRemaining()) {
                return;
            }
            connection.unsent.append(out);
            updateInterest(connection);
        } else {
            connection.unsent.append(out);
        }
    }

    private void flushUnsent(ServerConnection connection) throws IOException {
        if (connection.unsent.writeTo(connection.channel) > 0 && idleNanos != 0) {
            connection.lastActive = System.nanoTime();
        }
        if (connection.readSuspended && connection.unsent.size() <= waterMarks.low()) {
            connection.readSuspended = false;
            ByteBuffer unread = connection.unread;
            if (unread != null) {
                // What was read before the suspension comes before anything read after it.
                connection.unread = null;
                process(connection, unread);
                if (connection.closed) {
                    return;
                }
            }
        }
        if (connection.unsent.isEmpty() && (connection.session.isFinished() || connection.inputEnded)) {
            close(connection);
            return;
        }
        updateInterest(connection);
    }

    /** OP_WRITE exactly while bytes wait; OP_READ unless suspended or finished. */
    private void updateInterest(ServerConnection connection) {
        if (connection.closed) {
            return;
        }
        int ops = 0;
        if (!connection.unsent.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (!connection.readSuspended && !connection.inputEnded && !connection.session.isFinished()) {
            ops |= SelectionKey.OP_READ;
        }
        if (connection.key.interestOps() != ops) {
            connection.key.interestOps(ops);
        }
    }

    private void closeWhenFlushed(ServerConnection connection) {
        if (connection.unsent.isEmpty()) {
            close(connection);
        } else {
            updateInterest(connection);   // reads stop; the close follows the last write
        }
    }

    private void close(ServerConnection connection) {
        if (connection.closed) {
            return;
        }
        connection.closed = true;
        connection.unsent.clear();
        connection.unread = null;
        connection.key.cancel();
        closeQuietly(connection.channel);
        connections--;
        connectionCount.decrementAndGet();
        listener.onConnectionClosed();
    }

    // --- Diagnostics (tests) ------------------------------------------------------------------

    /** The most unsent bytes any connection of this loop holds, and how many are not read. */
    CompletableFuture<int[]> backlog() {
        CompletableFuture<int[]> result = new CompletableFuture<>();
        execute(() -> {
            int largest = 0;
            int suspended = 0;
            for (ServerConnection connection : connectionsNow()) {
                largest = Math.max(largest, connection.unsent.size());
                suspended += connection.readSuspended ? 1 : 0;
            }
            result.complete(new int[] {largest, suspended});
        });
        return result;
    }

    /** For tests: sets {@code SO_SNDBUF} of every connection open on this loop. */
    CompletableFuture<Void> setSendBufferSizes(int bytes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            try {
                for (ServerConnection connection : connectionsNow()) {
                    connection.channel.setOption(StandardSocketOptions.SO_SNDBUF, bytes);
                }
                done.complete(null);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    // --- Shutdown and timers ----------------------------------------------------------------

    /**
     * Graceful: every session finishes after its game; the loop ends with its last connection.
     * Always queued, even from the loop (a listener may call it), so that it never closes a
     * connection whose replies are being written.
     */
    void finishAfterGames() {
        draining = true;
        submit(() -> {
            for (ServerConnection connection : connectionsNow()) {
                connection.session.finishAfterGame();
                if (connection.session.isFinished()) {
                    closeWhenFlushed(connection);
                }
            }
        });
    }

    /** Immediate: every connection closes now and the loop ends. */
    void stopNow() {
        stopping = true;
        wakeUp();
    }

    private List<ServerConnection> connectionsNow() {
        if (!selector.isOpen()) {
            return List.of();   // the loop has ended and closed everything
        }
        List<ServerConnection> all = new ArrayList<>(connections);
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof ServerConnection connection && !connection.closed) {
                all.add(connection);
            }
        }
        return all;
    }

    @Override
    protected long timeoutMillis() {
        return scanIntervalNanos == 0 ? 0 : nanosToMillisCeil(nextIdleScan - System.nanoTime());
    }

    @Override
    protected void afterBatch() {
        long now = System.nanoTime();
        if (scanIntervalNanos != 0 && now - nextIdleScan >= 0) {
            nextIdleScan = now + scanIntervalNanos;
            for (ServerConnection connection : connectionsNow()) {
                if (now - connection.lastActive >= idleNanos) {
                    close(connection);   // silent too long: closed without a word
                }
            }
        }
    }

    @Override
    protected boolean shouldStop() {
        return stopping || (draining && connections == 0);
    }

    @Override
    protected void onStop() {
        for (ServerConnection connection : connectionsNow()) {
            close(connection);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closed is closed.
        }
    }
}
