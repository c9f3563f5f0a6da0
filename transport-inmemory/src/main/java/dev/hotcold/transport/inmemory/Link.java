package dev.hotcold.transport.inmemory;

import dev.hotcold.core.spi.Wire;
import dev.hotcold.core.spi.Channel;
import dev.hotcold.core.spi.ServerConnection;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-memory connection: two bounded pipes and the server's session between them, with no
 * thread of its own. The pieces each do one thing: {@link BytePipe} holds bytes,
 * {@link PendingSends} queues asynchronous sends, {@link AfterUnlock} runs callbacks once the
 * lock is released, {@link LinkStreams} adapts the client's ends to streams; this class pumps
 * the session and orders the closes.
 *
 * <p>Close order, stated once (as Okio's {@code Pipe} states its own): when the server side
 * closes (the session finished, core asked, or the client hung up), requests not yet handed to
 * the session are dropped, pending asynchronous sends complete as bytes sent to a closed socket
 * do, replies already made stay readable until read, and then reads return end of stream; core
 * hears of the close once, after the lock is released. When the client closes, requests it wrote
 * are still handed to the session (so a last {@code CLEAR} counts) with their replies dropped,
 * its pending sends fail, and then the server side closes as above.
 *
 * <p>Whoever makes progress possible runs the session: a client that writes
 * requests, or one that reads replies and so makes room for more. When the reply pipe is full the
 * session stops taking requests, the request pipe fills, and then a blocking writer waits and an
 * asynchronous send completes later, as with TCP.
 *
 * <p>All state is guarded by one lock. Futures are completed and callbacks run after the lock is
 * released.
 */
final class Link implements Channel {
    /** What {@link #read(ByteBuffer, long)} returns when no reply came in time. */
    static final int TIMED_OUT = -2;
    /** A wait without a limit: about 146 years; deadlines are compared by difference, so no overflow. */
    private static final long NO_LIMIT = Long.MAX_VALUE / 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final BytePipe requests;
    private final BytePipe replies;
    private final SocketAddress clientAddress = InMemoryAddress.unique("client-");
    /** Core's side of the connection; set once admitted, before the client sees the link. */
    private ServerConnection session;
    private final PendingSends pendingSends = new PendingSends();
    private Runnable readable = () -> {};
    private boolean serverClosed;
    private boolean clientClosed;
    private boolean closeReported;

    Link(int pipeCapacity) {
        this.requests = new BytePipe(pipeCapacity);
        this.replies = new BytePipe(pipeCapacity);
    }

    /** Serves the link with core's side of the connection, admitted before the client sees it. */
    void attach(ServerConnection connection) {
        this.session = connection;
        connection.start();
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
     * Writes all of {@code src}, waiting while the request pipe is full, at most
     * {@code timeoutNanos} in all: then the client side closes and this returns false. After the
     * server closed the link the bytes are dropped, as bytes sent to a closed socket are.
     */
    boolean write(ByteBuffer src, long timeoutNanos) throws IOException {
        AfterUnlock effects = new AfterUnlock();
        boolean timedOut = false;
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            ensureClientOpen();
            while (!pendingSends.isEmpty() && !serverClosed) {
                if (!awaitUntil(deadline)) {   // earlier asynchronous sends go first
                    timedOut = true;
                    break;
                }
                ensureClientOpen();
            }
            while (!timedOut && src.hasRemaining() && !serverClosed) {
                requests.write(src);
                pump(effects);
                // Wait only for room: the pump may have emptied the pipe itself, and its signal
                // came before this thread could wait for it.
                if (src.hasRemaining() && !serverClosed && requests.free() == 0) {
                    timedOut = !awaitUntil(deadline);
                    ensureClientOpen();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing");
        } finally {
            lock.unlock();
            effects.run();
        }
        if (timedOut) {
            closeClient();
        }
        return !timedOut;
    }

    /** {@link #write(ByteBuffer, long)} without a time limit, for raw test clients. */
    void write(ByteBuffer src) throws IOException {
        write(src, NO_LIMIT);
    }

    /** {@link #read(ByteBuffer, long)} without a time limit, for raw test clients. */
    int read(ByteBuffer dst) throws IOException {
        return read(dst, NO_LIMIT);
    }

    /** Waits for a change until {@code deadline}; false if it passed. Holding the lock. */
    private boolean awaitUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        changed.awaitNanos(left);
        return true;
    }

    /** Writes {@code src} without waiting; the stage completes once all of it is in the pipe. */
    CompletableFuture<Void> writeAsync(ByteBuffer src) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        locked(effects -> {
            if (clientClosed) {
                effects.fail(sent, new IOException("connection is closed"));
            } else {
                pendingSends.add(src, sent);
                pump(effects);
            }
        });
        return sent;
    }

    /**
     * Moves reply bytes into {@code dst}, waiting until there is at least one, at most
     * {@code timeoutNanos}: then the client side closes and this returns {@link #TIMED_OUT}.
     *
     * @return the count, or -1 once the server closed the link and every reply was read
     */
    int read(ByteBuffer dst, long timeoutNanos) throws IOException {
        AfterUnlock effects = new AfterUnlock();
        long deadline = System.nanoTime() + timeoutNanos;
        int count;
        lock.lock();
        try {
            while (true) {
                ensureClientOpen();
                count = readLocked(dst, effects);
                if (count != 0) {
                    break;
                }
                if (!awaitUntil(deadline)) {
                    count = TIMED_OUT;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        } finally {
            lock.unlock();
            effects.run();
        }
        if (count == TIMED_OUT) {
            closeClient();
        }
        return count;
    }

    /** As {@link #read} but never waits: 0 when no reply byte is there yet. */
    int tryRead(ByteBuffer dst) throws IOException {
        AfterUnlock effects = new AfterUnlock();
        lock.lock();
        try {
            ensureClientOpen();
            return readLocked(dst, effects);
        } finally {
            lock.unlock();
            effects.run();
        }
    }

    private int readLocked(ByteBuffer dst, AfterUnlock effects) {
        if (replies.size() > 0) {
            int count = replies.read(dst);
            pump(effects);   // room for replies: the session may take more requests
            return count;
        }
        return serverClosed ? -1 : 0;
    }

    /**
     * The client hangs up. Requests already written are still handled (their replies dropped),
     * so a last {@code CLEAR} counts, then the server side closes too.
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
            while (!serverClosed && requests.size() > 0) {
                replies.clear();
                if (!pumpOnce()) {
                    break;
                }
            }
            closeServerLocked(effects);
            replies.clear();
        });
    }

    private void ensureClientOpen() throws IOException {
        if (clientClosed) {
            throw new IOException("connection is closed");
        }
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

    /** Graceful shutdown of a link with no game in play: ends now; replies already made stay readable. */
    @Override
    public void endInput() {
        close();
    }

    /** Immediate shutdown: the link ends now; replies already made stay readable. */
    @Override
    public void close() {
        locked(this::closeServerLocked);
    }

    /**
     * Runs the session while it has requests and room for replies, feeding in pending
     * asynchronous sends as room appears, and ends the link when the session finished.
     */
    private void pump(AfterUnlock effects) {
        if (serverClosed) {
            pendingSends.dropAll(effects);
            return;
        }
        boolean progressed;
        int repliesBefore = replies.size();
        do {
            progressed = pendingSends.moveInto(requests, effects);
            progressed |= pumpOnce();
        } while (progressed && !session.isFinished());
        if (replies.size() != repliesBefore) {
            effects.notifyReadable(readable);
        }
        if (session.isFinished()) {
            closeServerLocked(effects);
        }
        changed.signalAll();
    }

    /** One call into the session; true if it consumed anything. */
    private boolean pumpOnce() {
        if (requests.size() == 0 || replies.free() < Wire.MAX_REPLY_BYTES || session.isFinished()) {
            return false;
        }
        int before = requests.size();
        ByteBuffer window = replies.writeWindow();
        session.receive(requests.data(), window, 0);   // no clock here: the idle timeout does not apply
        replies.commit(window);
        return requests.size() != before;
    }

    private void closeServerLocked(AfterUnlock effects) {
        if (!serverClosed) {
            serverClosed = true;
            requests.clear();
            pendingSends.dropAll(effects);
            effects.notifyReadable(readable);
            changed.signalAll();
        }
        if (!closeReported) {
            closeReported = true;
            effects.reportClosed(session);
        }
    }

}
