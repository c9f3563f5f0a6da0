package dev.hotcold.transport.nio;

import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.server.ServerConnection;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.socket.Sockets;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import dev.hotcold.core.tls.TlsConfig;
import dev.hotcold.socket.TlsSockets;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A server event loop: admits the connections the acceptor hands it, owns them for life and
 * pumps their bytes on one thread. One read buffer and one write buffer serve every connection
 * of the loop; a connection holds bytes of its own only for a partial line or for replies the
 * socket did not take.
 *
 * <p>Replies are written at once. Only when the socket does not take them all are the rest kept
 * and {@code OP_WRITE} registered, until they drain. Input is held back, and the connection not
 * read, while its unsent bytes are above the high-water mark (until they drain to the low one),
 * or while core says its listener is far behind (until core calls
 * {@link NioConnection#resumeInput()}).
 */
final class ServerLoop extends EventLoop {
    private static final System.Logger LOG = System.getLogger(ServerLoop.class.getName());
    private static final int BUFFER_SIZE = 16 * 1024;

    private final ServerLifecycle server;
    private final WaterMarks waterMarks;
    private final ByteBuffer readBuffer;
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    /** The server's TLS settings, or null for plain text. */
    private final TlsConfig tls;
    /** Encrypted output of one wrap, on its way to the socket; null without TLS. */
    private final ByteBuffer netOut;
    private final long scanIntervalNanos;
    private final boolean timed;
    /** System.nanoTime of the next idle scan: the pace is real time, the decision is core's clock. */
    private long nextIdleScan;
    private int connections;
    private volatile boolean stopping;

    ServerLoop(String name, ServerLifecycle server, WaterMarks waterMarks) throws IOException {
        super(name);
        this.server = server;
        this.waterMarks = waterMarks;
        this.scanIntervalNanos = server.idleScanIntervalNanos();
        this.timed = scanIntervalNanos != 0;
        this.nextIdleScan = System.nanoTime() + scanIntervalNanos;
        this.tls = server.config().tls().orElse(null);
        if (tls == null) {
            this.readBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
            this.netOut = null;
        } else {
            // One record's plain text may exceed 16 KiB a little; one wrap's output is one record.
            SSLEngine probe = tls.newServerEngine();
            this.readBuffer = ByteBuffer.allocateDirect(Math.max(BUFFER_SIZE, probe.getSession().getApplicationBufferSize()));
            this.netOut = ByteBuffer.allocateDirect(probe.getSession().getPacketBufferSize());
        }
    }

    /**
     * Takes over an accepted socket: admission and everything after run on the loop. A loop that
     * has ended closes the socket unserved.
     */
    void adopt(SocketChannel socket) {
        submit(() -> admit(socket));
    }

    private void admit(SocketChannel socket) {
        if (stopping || isTerminated()) {
            Sockets.closeQuietly(socket);   // the server is gone: nobody would serve it
            return;
        }
        NioConnection connection;
        try {
            connection = new NioConnection(socket, this, tls == null ? null : new TlsState(tls.newServerEngine()));
        } catch (SSLException cannotBegin) {
            Sockets.closeQuietly(socket);
            LOG.log(Level.WARNING, "a TLS engine could not begin its handshake; the connection is closed", cannotBegin);
            return;
        }
        Optional<ServerConnection> admitted;
        try {
            admitted = server.admit(connection);
        } catch (Throwable failure) {
            Sockets.closeQuietly(socket);
            throw failure;
        }
        if (admitted.isEmpty()) {
            return;   // refused: the channel answered and closed
        }
        connection.core = admitted.get();
        try {
            connection.key = socket.register(selector, SelectionKey.OP_READ, connection);
        } catch (Throwable failure) {
            // A socket that cannot be registered is closed and its slot given back.
            connection.closed = true;
            Sockets.closeQuietly(socket);
            connection.core.closed();
            LOG.log(Level.WARNING, "a connection could not be registered with its loop; it is closed", failure);
            return;
        }
        connections++;
    }

    @Override
    protected void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;   // closed earlier in this round
        }
        NioConnection connection = (NioConnection) key.attachment();
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
        } catch (Throwable e) {
            // Out of memory for a buffer, say: this connection ends, the loop goes on.
            close(connection);
            throw e;
        }
    }

    private void read(NioConnection connection) throws IOException {
        if (connection.tls != null) {
            readTls(connection);
            return;
        }
        ByteBuffer in = readBuffer.clear();
        int read = connection.socket().read(in);
        if (read < 0) {
            // The client is done sending (it may only have shut down its output): deliver what
            // is unsent, then close.
            endInput(connection);
            return;
        }
        if (read == 0) {
            return;
        }
        long now = timed ? server.now() : 0;
        in.flip();
        process(connection, in, now);
    }

    /**
     * Feeds {@code in} to the session, checking before every batch of replies whether input must
     * be held back: each batch may take the unsent bytes at most one reply past the high-water
     * mark, and once they are past it (or core pauses the input) the input not yet processed is
     * kept and reading stops, to go on from that input when the reason is gone. Without the
     * per-batch check one 16 KiB read of empty lines made 16 K replies of 17 bytes, whatever the
     * mark.
     */
    private void process(NioConnection connection, ByteBuffer in, long now) throws IOException {
        ServerConnection core = connection.core;
        while (in.hasRemaining() && !core.isFinished() && !connection.closed) {
            int unsent = connection.unsent.size();
            if (unsent > waterMarks.high() || core.isInputPaused()) {
                // The loop's read buffer is reused by every connection; a rest already kept is not.
                connection.unread = in == readBuffer ? ByteBuffer.allocate(in.remaining()).put(in).flip() : in;
                connection.readSuspended = true;
                break;
            }
            // Room for replies up to the mark, plus one reply: a session writes only while it has
            // room for its longest reply.
            long room = (long) waterMarks.high() - unsent + Wire.MAX_REPLY_BYTES;
            ByteBuffer out = writeBuffer.clear().limit((int) Math.min(BUFFER_SIZE, room));
            core.receive(in, out, now);
            out.flip();
            if (out.hasRemaining() && !connection.closed) {
                send(connection, out);
            }
        }
        if (connection.closed) {
            return;
        }
        if (core.isFinished()) {
            connection.unread = null;
            closeWhenFlushed(connection);
        } else {
            if (connection.unsent.size() > waterMarks.high() || core.isInputPaused()) {
                connection.readSuspended = true;
            }
            updateInterest(connection);
        }
    }

    /**
     * Writes at once if nothing is waiting; keeps what the socket does not take. Over TLS the
     * bytes are wrapped first: what waits, and what the water marks count, is encrypted.
     */
    private void send(NioConnection connection, ByteBuffer out) throws IOException {
        if (connection.tls != null) {
            sendTls(connection, out);
            return;
        }
        sendRaw(connection, out);
    }

    /** Writes bytes as they are (over TLS: records already wrapped). */
    private void sendRaw(NioConnection connection, ByteBuffer out) throws IOException {
        if (connection.unsent.isEmpty()) {
            connection.socket().write(out);
            if (!out.hasRemaining()) {
                return;
            }
        }
        connection.unsent.append(out);
    }

    private void flushUnsent(NioConnection connection) throws IOException {
        if (connection.unsent.writeTo(connection.socket()) > 0 && timed) {
            connection.core.sent(server.now());
        }
        resumeIfDue(connection);
        if (connection.closed) {
            return;
        }
        if (connection.unsent.isEmpty() && (connection.core.isFinished() || connection.inputEnded)) {
            close(connection);
            return;
        }
        updateInterest(connection);
    }

    /** Core says the listener caught up. On the loop. */
    void resumeInput(NioConnection connection) {
        if (connection.closed || connection.core == null) {
            return;
        }
        try {
            resumeIfDue(connection);
            if (!connection.closed) {
                updateInterest(connection);
            }
        } catch (IOException e) {
            close(connection);
        }
    }

    /** Reads again if input was held back and neither reason holds any more. */
    private void resumeIfDue(NioConnection connection) throws IOException {
        if (connection.readSuspended && connection.unsent.size() <= waterMarks.low()
                && !connection.core.isInputPaused()) {
            connection.readSuspended = false;
            ByteBuffer unread = connection.unread;
            if (unread != null) {
                // What was read before the suspension comes before anything read after it.
                connection.unread = null;
                process(connection, unread, timed ? server.now() : 0);
            }
            if (connection.tls != null && !connection.closed && !connection.readSuspended) {
                unwrapAll(connection);   // records read before the suspension and not yet unwrapped
            }
        }
    }

    // --- TLS ------------------------------------------------------------------------------------

    /** Reads encrypted bytes, then handshakes or unwraps and serves what they hold. */
    private void readTls(NioConnection connection) throws IOException {
        TlsState tls = connection.tls;
        if (!tls.netIn.hasRemaining()) {
            return;   // full of records held back; reading resumes after they are unwrapped
        }
        int read = connection.socket().read(tls.netIn);
        if (read < 0) {
            if (tls.handshaking) {
                connection.core.handshakeFailed(new java.io.EOFException("the client closed during the handshake"));
                close(connection);
                return;
            }
            endInput(connection);   // a cut without close_notify ends the input all the same
            return;
        }
        if (read > 0) {
            unwrapAll(connection);
        }
    }

    /**
     * Drives the engine over the encrypted input held: the handshake's steps, then records of
     * game bytes, served as they come, until the input runs out, the connection is held back, or
     * it closes.
     */
    private void unwrapAll(NioConnection connection) throws IOException {
        TlsState tls = connection.tls;
        ByteBuffer netIn = tls.netIn.flip();
        try {
            while (!connection.closed && !connection.readSuspended) {
                if (tls.handshaking) {
                    if (!handshakeStep(connection)) {
                        break;
                    }
                    continue;
                }
                if (!netIn.hasRemaining() || connection.inputEnded || connection.core.isFinished()) {
                    break;
                }
                ByteBuffer plain = readBuffer.clear();
                SSLEngineResult result = tls.engine.unwrap(netIn, plain);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    endInput(connection);   // close_notify: the client is done
                    break;
                }
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    break;   // a partial record: wait for the rest
                }
                runPostHandshake(connection, result.getHandshakeStatus());
                plain.flip();
                if (plain.hasRemaining()) {
                    process(connection, plain, timed ? server.now() : 0);
                }
            }
        } catch (SSLException failed) {
            if (tls.handshaking) {
                connection.core.handshakeFailed(failed);
                flushAlert(connection);
            }
            close(connection);
        } finally {
            if (!connection.closed) {
                netIn.compact();
                if (!connection.readSuspended) {
                    updateInterest(connection);
                }
            }
        }
    }

    /**
     * One step of the handshake; false when it waits for the client's bytes. Delegated tasks
     * (certificate checks) run here, on the loop: no thread of their own.
     */
    private boolean handshakeStep(NioConnection connection) throws IOException {
        TlsState tls = connection.tls;
        SSLEngineResult.HandshakeStatus status = tls.engine.getHandshakeStatus();
        switch (status) {
            case NEED_TASK -> {
                Runnable task;
                while ((task = tls.engine.getDelegatedTask()) != null) {
                    task.run();
                }
                return true;
            }
            case NEED_WRAP -> {
                ByteBuffer out = netOut.clear();
                SSLEngineResult result = tls.engine.wrap(ByteBuffer.allocate(0), out);
                out.flip();
                if (out.hasRemaining()) {
                    sendRaw(connection, out);
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("the handshake ended the connection");
                }
                return true;
            }
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                ByteBuffer plain = readBuffer.clear();
                SSLEngineResult result = tls.engine.unwrap(tls.netIn, plain);
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    return false;
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("the client closed during the handshake");
                }
                plain.flip();
                if (plain.hasRemaining()) {
                    // Game bytes sent with the handshake's last flight: served once secured.
                    connection.unread = ByteBuffer.allocate(plain.remaining()).put(plain).flip();
                }
                return true;
            }
            default -> {
                secured(connection);
                return true;
            }
        }
    }

    /** The handshake is done: core hears who the client is, and any early game bytes are served. */
    private void secured(NioConnection connection) throws IOException {
        TlsState tls = connection.tls;
        tls.handshaking = false;
        long now = server.now();
        connection.core.secured(TlsSockets.security(tls.engine.getSession()), now);
        ByteBuffer early = connection.unread;
        if (early != null && !connection.readSuspended) {
            connection.unread = null;
            process(connection, early, timed ? now : 0);
        }
    }

    /** After the handshake: a key update or a session ticket may need the engine to wrap or run a task. */
    private void runPostHandshake(NioConnection connection, SSLEngineResult.HandshakeStatus status) throws IOException {
        TlsState tls = connection.tls;
        while (status == SSLEngineResult.HandshakeStatus.NEED_TASK || status == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            if (status == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = tls.engine.getDelegatedTask()) != null) {
                    task.run();
                }
            } else {
                ByteBuffer out = netOut.clear();
                tls.engine.wrap(ByteBuffer.allocate(0), out);
                out.flip();
                if (out.hasRemaining()) {
                    sendRaw(connection, out);
                }
            }
            status = tls.engine.getHandshakeStatus();
        }
    }

    /** Wraps replies into records and sends them. */
    private void sendTls(NioConnection connection, ByteBuffer out) throws IOException {
        TlsState tls = connection.tls;
        if (tls.outboundClosed) {
            return;
        }
        while (out.hasRemaining()) {
            ByteBuffer net = netOut.clear();
            SSLEngineResult result = tls.engine.wrap(out, net);
            net.flip();
            if (net.hasRemaining()) {
                sendRaw(connection, net);
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                return;
            }
        }
    }

    /** Queues {@code close_notify}: the client can tell the server's end from a cut. */
    private void closeOutbound(NioConnection connection) {
        TlsState tls = connection.tls;
        tls.outboundClosed = true;
        tls.engine.closeOutbound();
        try {
            ByteBuffer net = netOut.clear();
            tls.engine.wrap(ByteBuffer.allocate(0), net);
            net.flip();
            if (net.hasRemaining()) {
                sendRaw(connection, net);
            }
        } catch (IOException ignored) {
            // The connection closes in any case.
        }
    }

    /** After a failed handshake, the engine's alert (why) goes out if the socket takes it now. */
    private void flushAlert(NioConnection connection) {
        try {
            ByteBuffer net = netOut.clear();
            connection.tls.engine.wrap(ByteBuffer.allocate(0), net);
            net.flip();
            if (net.hasRemaining() && connection.unsent.isEmpty()) {
                connection.socket().write(net);
            }
        } catch (IOException ignored) {
            // The connection closes in any case.
        }
    }

    /** OP_WRITE exactly while bytes wait; OP_READ unless suspended or finished. */
    private void updateInterest(NioConnection connection) {
        if (connection.closed) {
            return;
        }
        int ops = 0;
        if (!connection.unsent.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (!connection.readSuspended && !connection.inputEnded && !connection.core.isFinished()) {
            ops |= SelectionKey.OP_READ;
        }
        if (connection.key.interestOps() != ops) {
            connection.key.interestOps(ops);
        }
    }

    /** Reads stop; the connection closes after its last unsent byte. On the loop. */
    void endInput(NioConnection connection) {
        if (connection.closed) {
            return;
        }
        connection.inputEnded = true;
        closeWhenFlushed(connection);
    }

    /**
     * Reads stop; {@code reply} goes after the unsent replies, then the connection closes. On the
     * loop; what the socket does not take now waits for OP_WRITE like any reply (core closes the
     * connection outright at a later scan if the client never takes it).
     */
    void closeWith(NioConnection connection, ByteBuffer reply) {
        if (connection.closed) {
            return;
        }
        connection.inputEnded = true;
        connection.unread = null;
        try {
            send(connection, reply.duplicate());
        } catch (IOException gone) {
            close(connection);
            return;
        }
        closeWhenFlushed(connection);
    }

    private void closeWhenFlushed(NioConnection connection) {
        if (connection.tls != null && !connection.tls.handshaking && !connection.tls.outboundClosed) {
            closeOutbound(connection);   // close_notify goes after the last reply
        }
        if (connection.unsent.isEmpty()) {
            close(connection);
        } else {
            updateInterest(connection);   // reads stop; the close follows the last write
        }
    }

    /** Closes now and tells core. On the loop; idempotent. */
    void close(NioConnection connection) {
        if (connection.closed) {
            return;
        }
        connection.closed = true;
        connection.unsent.clear();
        connection.unread = null;
        if (connection.key != null) {
            connection.key.cancel();
        }
        Sockets.closeQuietly(connection.socket());
        connections--;
        connection.core.closed();
    }

    // --- Shutdown and timers ----------------------------------------------------------------

    /** Core released the server: the loop ends (its connections are closed by then). */
    void stopNow() {
        stopping = true;
        wakeUp();
    }

    /** The connections the loop serves now; on the loop. */
    List<NioConnection> connectionsNow() {
        if (!selector.isOpen()) {
            return List.of();   // the loop has ended and closed everything
        }
        List<NioConnection> all = new ArrayList<>(connections);
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof NioConnection connection && !connection.closed) {
                all.add(connection);
            }
        }
        return all;
    }

    @Override
    protected long timeoutMillis() {
        return timed ? nanosToMillisCeil(nextIdleScan - System.nanoTime()) : 0;
    }

    @Override
    protected void afterBatch() {
        if (timed && System.nanoTime() - nextIdleScan >= 0) {
            nextIdleScan = System.nanoTime() + scanIntervalNanos;
            long now = server.now();
            for (NioConnection connection : connectionsNow()) {
                connection.core.closeIfIdle(now);   // silent too long: closed without a word
            }
        }
    }

    @Override
    protected boolean shouldStop() {
        return stopping;
    }

    @Override
    protected void onStop() {
        for (NioConnection connection : connectionsNow()) {
            close(connection);
        }
    }
}
