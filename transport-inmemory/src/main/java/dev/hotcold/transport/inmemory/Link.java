package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.ClientDeadline;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.server.ServerConnection;
import dev.hotcold.core.spi.Channel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One in-memory connection: two bounded pipes and the server's session between them, with no
 * thread of its own. The pieces each do one thing: {@link BytePipe} holds bytes,
 * {@link PendingSends} queues asynchronous sends, {@link AfterUnlock} runs callbacks once the
 * lock is released, {@link LinkStreams} adapts the client's ends to streams; this class pumps
 * the session and orders the closes.
 *
 * <p><b>Who runs the session.</b> Whoever makes progress possible: a client that writes
 * requests, or one that reads replies and so makes room for more. One thread at a time pumps
 * (the {@code pumping} flag, taken under the lock), and it runs the session <em>outside</em> the
 * lock: it copies requests out, lets the session (and so the guess strategy, and the listener)
 * run with no lock held, then puts the replies in. User code never runs under the lock, so a
 * listener that closes other connections, or a whole server, cannot deadlock with them. When the
 * reply pipe is full the session stops taking requests, the request pipe fills, and then a
 * blocking writer waits (or an asynchronous send completes later), as with TCP.
 *
 * <p><b>Close order</b>, stated once (as Okio's {@code Pipe} states its own): when the server side
 * closes (the session finished, core asked, or the client hung up), requests not yet handed to
 * the session are dropped, pending asynchronous sends complete as bytes sent to a closed socket
 * do, replies already made stay readable until read, and then reads return end of stream; core
 * hears of the close once, after the lock is released and after the last session call returned.
 * When the client closes, requests it wrote are still handed to the session (so a last
 * {@code CLEAR} counts) with their replies dropped, its pending sends fail, and then the server
 * side closes as above.
 *
 * <p><b>Waits</b> are untimed: a client's {@link ClientDeadline} bounds them by closing the
 * client side, which wakes the waiter.
 */
final class Link implements Channel {
    /** The most request bytes one session call is handed. */
    private static final int PUMP_CHUNK = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final BytePipe requests;
    private final BytePipe replies;
    private final SocketAddress clientAddress = InMemoryAddress.unique("client-");
    private final PendingSends pendingSends = new PendingSends();
    /** The pumping thread's own buffers: only the thread that set {@link #pumping} touches them. */
    private final ByteBuffer pumpIn = ByteBuffer.allocate(PUMP_CHUNK);
    private final ByteBuffer pumpOut;
    /** Core's side of the connection; set once admitted. Closes that come first wait for it. */
    private ServerConnection connection;
    private Runnable readable = () -> {};
    /** A thread is running the session, outside the lock. */
    private boolean pumping;
    private boolean serverClosed;
    /** Graceful shutdown: take no more requests; replies made (even by a call in flight) go out. */
    private boolean inputEnded;
    private boolean clientClosed;
    private boolean closeReported;

    Link(int pipeCapacity) {
        this.requests = new BytePipe(pipeCapacity);
        this.replies = new BytePipe(pipeCapacity);
        this.pumpOut = ByteBuffer.allocate(pipeCapacity);
    }

    /** Serves the link with core's side of the connection, once admission returned it. */
    void attach(ServerConnection admitted) {
        locked(effects -> {
            connection = admitted;
            reportCloseIfDue(effects);   // closed while being admitted: core hears now
        });
    }

    // --- Client side --------------------------------------------------------------------------

    /** Sets the callback run (outside the lock) whenever reply bytes arrive or the link closes. */
    void onReadable(Runnable callback) {
        locked(effects -> readable = callback);
    }

    /** Runs {@code action} under the lock, then what it left for after the unlock. */
    private void locked(Consumer<AfterUnlock> action) {
        AfterUnlock effects = new AfterUnlock();
        lock.lock();
        try {
            action.accept(effects);
        } finally {
            lock.unlock();
            effects.run();
        }
    }

    /**
     * Writes all of {@code src}, waiting while the request pipe is full, after any asynchronous
     * sends still queued. After the server closed the link the bytes are dropped, as bytes sent
     * to a closed socket are. {@code deadline} is entered while waiting.
     *
     * @throws IOException if the client side is closed (by the deadline, say)
     */
    void write(ByteBuffer src, ClientDeadline deadline) throws IOException {
        while (true) {
            boolean pumpFirst = false;
            lock.lock();
            try {
                ensureClientOpen();
                if (serverClosed || inputEnded) {
                    src.position(src.limit());   // dropped, as bytes sent to a closed socket are
                    return;
                }
                if (pendingSends.isEmpty()) {
                    requests.write(src);
                }
                if (!src.hasRemaining()) {
                    break;
                }
                if (!pumping && canPump()) {
                    pumpFirst = true;   // make the room ourselves
                } else {
                    await(deadline, ClientDeadline.Wait.SEND);
                }
            } finally {
                lock.unlock();
            }
            if (pumpFirst) {
                pump();
            }
        }
        exit(deadline);
        pump();
    }

    /**
     * Moves reply bytes into {@code dst}, running the session or waiting until there is at least
     * one. {@code deadline} is entered while waiting.
     *
     * @return the count, or -1 once the server closed the link and every reply was read
     * @throws IOException if the client side is closed (by the deadline, say)
     */
    int read(ByteBuffer dst, ClientDeadline deadline) throws IOException {
        int count;
        while (true) {
            boolean pumpFirst = false;
            lock.lock();
            try {
                ensureClientOpen();
                count = replies.read(dst);
                if (count > 0) {
                    break;
                }
                if (serverClosed) {
                    exit(deadline);
                    return -1;
                }
                if (!pumping && canPump()) {
                    pumpFirst = true;
                } else {
                    await(deadline, ClientDeadline.Wait.REPLY);
                }
            } finally {
                lock.unlock();
            }
            if (pumpFirst) {
                pump();
            }
        }
        exit(deadline);
        pump();   // room for replies: the session may take more requests
        return count;
    }

    /** {@link #write(ByteBuffer, ClientDeadline)} with no deadline, for raw test clients. */
    void write(ByteBuffer src) throws IOException {
        write(src, null);
    }

    /** {@link #read(ByteBuffer, ClientDeadline)} with no deadline, for raw test clients. */
    int read(ByteBuffer dst) throws IOException {
        return read(dst, null);
    }

    /** Waits for a change, with the deadline (if any) running. Holding the lock. */
    private void await(ClientDeadline deadline, ClientDeadline.Wait wait) throws InterruptedIOException {
        if (deadline != null) {
            deadline.restart(wait);   // woken by a change: what was waited for moved
        }
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the in-memory server");
        }
    }

    private static void exit(ClientDeadline deadline) {
        if (deadline != null) {
            deadline.exit();
        }
    }

    /** Writes {@code src} without waiting; the stage completes once all of it is in the pipe. */
    CompletableFuture<Void> writeAsync(ByteBuffer src) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        locked(effects -> {
            if (clientClosed) {
                effects.fail(sent, new IOException("connection is closed"));
            } else if (serverClosed || inputEnded) {
                effects.complete(sent);   // dropped, as bytes sent to a closed socket are
            } else {
                pendingSends.add(src, sent);
                pendingSends.moveInto(requests, effects);
            }
        });
        pump();
        return sent;
    }

    /** As {@link #read} but never waits: 0 when no reply byte is there yet. */
    int tryRead(ByteBuffer dst) throws IOException {
        int count;
        lock.lock();
        try {
            ensureClientOpen();
            count = replies.read(dst);
            if (count == 0 && serverClosed) {
                return -1;
            }
        } finally {
            lock.unlock();
        }
        if (count > 0) {
            pump();
        }
        return count;
    }

    /**
     * The client hangs up. Requests already written are still handed to the session (their
     * replies dropped), so a last {@code CLEAR} counts, then the server side closes too.
     */
    void closeClient() {
        closeClient(null);
    }

    /** As {@link #closeClient()}; asynchronous sends still waiting fail with {@code cause}, if given. */
    void closeClient(IOException cause) {
        locked(effects -> {
            if (clientClosed) {
                return;
            }
            clientClosed = true;
            pendingSends.failAll(effects, cause != null ? cause : new IOException("connection is closed"));
            replies.clear();
            changed.signalAll();
        });
        pump();   // hands the last requests over and closes the server side
    }

    private void ensureClientOpen() throws IOException {
        if (clientClosed) {
            throw new IOException("connection is closed");
        }
    }

    // --- The session ----------------------------------------------------------------------------

    /** Whether a session call could make progress now. Holding the lock. */
    private boolean canPump() {
        return connection != null && !serverClosed && !inputEnded && requests.size() > 0
                && (clientClosed || replies.free() >= Wire.MAX_REPLY_BYTES)
                && !connection.isFinished() && !connection.isInputPaused();
    }

    /**
     * Runs the session while it can make progress, unless another thread is running it (that
     * thread sees whatever this one changed before it stops). The session runs outside the lock.
     */
    private void pump() {
        while (true) {
            AfterUnlock effects = new AfterUnlock();
            lock.lock();
            try {
                if (pumping) {
                    return;
                }
                if (!canPump()) {
                    finishPumpLocked(effects);
                    return;
                }
                pumping = true;
                int take = Math.min(PUMP_CHUNK, requests.size());
                pumpIn.clear().put(0, requests.data(), requests.data().position(), take).limit(take);
                pumpOut.clear().limit(clientClosed ? pumpOut.capacity() : replies.free());
            } finally {
                lock.unlock();
                effects.run();
            }
            AfterUnlock after = new AfterUnlock();
            try {
                // No lock held: the strategy runs here, and with a listener, so does the listener.
                connection.receive(pumpIn, pumpOut, 0);   // no clock here: the idle timeout does not apply
            } finally {
                lock.lock();
                try {
                    pumping = false;
                    if (!serverClosed) {
                        if (!inputEnded) {
                            requests.skip(pumpIn.position());
                        }
                        if (!clientClosed && pumpOut.flip().hasRemaining()) {
                            replies.write(pumpOut);   // even after endInput: these were made before it
                            after.notifyReadable(readable);
                        }
                        pendingSends.moveInto(requests, after);
                    }
                    changed.signalAll();
                } finally {
                    lock.unlock();
                    after.run();
                }
            }
        }
    }

    /**
     * Nothing more to pump: closes the server side if the session finished or the client left,
     * and tells core of a close that waited for the pump. Holding the lock.
     */
    private void finishPumpLocked(AfterUnlock effects) {
        if (connection != null && !serverClosed && (clientClosed || inputEnded || connection.isFinished())) {
            closeServerLocked(effects);
        }
        reportCloseIfDue(effects);
    }

    // --- Server side --------------------------------------------------------------------------

    @Override
    public SocketAddress remoteAddress() {
        return clientAddress;
    }

    /** The server turns the client away: the link carries only {@code reply} and is closed from the start. */
    @Override
    public void refuse(ByteBuffer reply) {
        locked(effects -> {
            replies.write(reply);
            serverClosed = true;
            closeReported = true;   // core never tracked it
        });
    }

    /**
     * Graceful shutdown of a link with no game in play: requests not yet handed to the session are
     * dropped, replies already made (by a session call in flight, too) stay readable, then the
     * link ends.
     */
    @Override
    public void endInput() {
        locked(effects -> {
            if (serverClosed || inputEnded) {
                return;
            }
            inputEnded = true;
            requests.clear();
            pendingSends.dropAll(effects);
            if (!pumping) {
                closeServerLocked(effects);   // else the pump closes once its replies are in
            }
        });
    }

    /** Immediate shutdown: the link ends now; replies already made stay readable. */
    @Override
    public void close() {
        locked(this::closeServerLocked);
    }

    private void closeServerLocked(AfterUnlock effects) {
        if (!serverClosed) {
            serverClosed = true;
            requests.clear();
            pendingSends.dropAll(effects);
            effects.notifyReadable(readable);
            changed.signalAll();
        }
        reportCloseIfDue(effects);
    }

    /** Core hears of the close once: after admission, and not while a session call runs. */
    private void reportCloseIfDue(AfterUnlock effects) {
        if (serverClosed && !closeReported && connection != null && !pumping) {
            closeReported = true;
            effects.reportClosed(connection);
        }
    }
}
