package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.protocol.Wire;
import dev.hotcold.core.session.ServerSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-memory connection: two bounded pipes and the server's session between them, with no
 * thread of its own. Whoever makes progress possible runs the session: a client that writes
 * requests, or one that reads replies and so makes room for more. When the reply pipe is full the
 * session stops taking requests, the request pipe fills, and then a blocking writer waits and an
 * asynchronous send completes later, as with TCP.
 *
 * <p>All state is guarded by one lock. Futures are completed and callbacks run after the lock is
 * released.
 */
final class Link {
    /** Called after the server closed the link, once, outside the lock. */
    interface CloseHandler {
        void onClosed(Link link);
    }

    /** What {@link #read} returns when no reply came in time. */
    static final int TIMED_OUT = -2;
    /** A wait without a limit: about 146 years; deadlines are compared by difference, so no overflow. */
    private static final long NO_LIMIT = Long.MAX_VALUE / 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final BytePipe requests;
    private final BytePipe replies;
    private final ServerSession session;
    private final CloseHandler closeHandler;
    private final ArrayDeque<PendingSend> pendingSends = new ArrayDeque<>();
    private Runnable readable = () -> {};
    private boolean serverClosed;
    private boolean clientClosed;
    private boolean closeReported;

    /**
     * @param session the server's session, or null for a link the server refuses: it carries
     *     only {@code refusal} and is closed from the start
     */
    Link(int pipeCapacity, ServerSession session, byte[] refusal, CloseHandler closeHandler) {
        this.requests = new BytePipe(pipeCapacity);
        this.replies = new BytePipe(pipeCapacity);
        this.session = session;
        this.closeHandler = closeHandler;
        if (session == null) {
            replies.write(ByteBuffer.wrap(refusal));
            serverClosed = true;
            closeReported = true;
        }
    }

    // --- Client side --------------------------------------------------------------------------

    /** Sets the callback run (outside the lock) whenever reply bytes arrive or the link closes. */
    void onReadable(Runnable callback) {
        lock.lock();
        try {
            readable = callback;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes all of {@code src}, waiting while the request pipe is full, at most
     * {@code timeoutNanos} in all: then the client side closes and this returns false. After the
     * server closed the link the bytes are dropped, as bytes sent to a closed socket are.
     */
    boolean write(ByteBuffer src, long timeoutNanos) throws IOException {
        Effects effects = new Effects();
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
        Effects effects = new Effects();
        lock.lock();
        try {
            if (clientClosed) {
                sent.completeExceptionally(new IOException("connection is closed"));
            } else {
                pendingSends.add(new PendingSend(src, sent));
                pump(effects);
            }
        } finally {
            lock.unlock();
            effects.run();
        }
        return sent;
    }

    /**
     * Moves reply bytes into {@code dst}, waiting until there is at least one, at most
     * {@code timeoutNanos}: then the client side closes and this returns {@link #TIMED_OUT}.
     *
     * @return the count, or -1 once the server closed the link and every reply was read
     */
    int read(ByteBuffer dst, long timeoutNanos) throws IOException {
        Effects effects = new Effects();
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
        Effects effects = new Effects();
        lock.lock();
        try {
            ensureClientOpen();
            return readLocked(dst, effects);
        } finally {
            lock.unlock();
            effects.run();
        }
    }

    private int readLocked(ByteBuffer dst, Effects effects) {
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
        Effects effects = new Effects();
        lock.lock();
        try {
            if (clientClosed) {
                return;
            }
            clientClosed = true;
            failPendingSends(effects, cause != null ? cause : new IOException("connection is closed"));
            while (!serverClosed && requests.size() > 0) {
                replies.clear();
                if (!pumpOnce()) {
                    break;
                }
            }
            closeServerLocked(effects);
            replies.clear();
        } finally {
            lock.unlock();
            effects.run();
        }
    }

    /**
     * The client's reading end as a stream: {@link #read}, with -1 at the end, and a
     * {@link ClientTimeoutException} when {@code options}' reply timeout runs out.
     */
    InputStream inputStream(SocketAddress address, ClientOptions options) {
        long timeoutNanos = options.replyTimeout().toNanos();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                int count = Link.this.read(ByteBuffer.wrap(bytes, offset, length), timeoutNanos);
                if (count == TIMED_OUT) {
                    throw ClientTimeoutException.reply(address, options.replyTimeout());
                }
                return count;
            }
        };
    }

    /**
     * The client's writing end as a stream: {@link #write}, and a {@link ClientTimeoutException}
     * when the server has taken no request for {@code options}' reply timeout.
     */
    OutputStream outputStream(SocketAddress address, ClientOptions options) {
        long timeoutNanos = options.replyTimeout().toNanos();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (!Link.this.write(ByteBuffer.wrap(bytes, offset, length), timeoutNanos)) {
                    throw ClientTimeoutException.send(address, options.replyTimeout());
                }
            }
        };
    }

    private void ensureClientOpen() throws IOException {
        if (clientClosed) {
            throw new IOException("connection is closed");
        }
    }

    // --- Server side --------------------------------------------------------------------------

    /** Graceful shutdown: end the link once no game is in play; replies already made stay readable. */
    void finishAfterGame() {
        Effects effects = new Effects();
        lock.lock();
        try {
            if (serverClosed) {
                return;
            }
            session.finishAfterGame();
            pump(effects);
        } finally {
            lock.unlock();
            effects.run();
        }
    }

    /** Immediate shutdown: the link ends now; replies already made stay readable. */
    void closeServer() {
        Effects effects = new Effects();
        lock.lock();
        try {
            closeServerLocked(effects);
        } finally {
            lock.unlock();
            effects.run();
        }
    }

    /**
     * Runs the session while it has requests and room for replies, feeding in pending
     * asynchronous sends as room appears, and ends the link when the session finished.
     */
    private void pump(Effects effects) {
        if (serverClosed) {
            failPendingSends(effects, null);
            return;
        }
        boolean progressed;
        int repliesBefore = replies.size();
        do {
            progressed = fillFromPendingSends(effects);
            progressed |= pumpOnce();
        } while (progressed && !session.isFinished());
        if (replies.size() != repliesBefore) {
            effects.readable = readable;
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
        session.receive(requests.data(), window);
        replies.commit(window);
        return requests.size() != before;
    }

    private boolean fillFromPendingSends(Effects effects) {
        boolean moved = false;
        while (!pendingSends.isEmpty() && requests.free() > 0) {
            PendingSend send = pendingSends.peek();
            requests.write(send.bytes);
            moved = true;
            if (send.bytes.hasRemaining()) {
                break;
            }
            pendingSends.remove();
            effects.complete(send.future);
        }
        return moved;
    }

    private void failPendingSends(Effects effects, IOException failure) {
        while (!pendingSends.isEmpty()) {
            PendingSend send = pendingSends.remove();
            if (failure == null) {
                effects.complete(send.future);   // dropped, as bytes sent to a closed socket are
            } else {
                effects.fail(send.future, failure);
            }
        }
    }

    private void closeServerLocked(Effects effects) {
        if (!serverClosed) {
            serverClosed = true;
            requests.clear();
            failPendingSends(effects, null);
            effects.readable = readable;
            changed.signalAll();
        }
        if (!closeReported) {
            closeReported = true;
            effects.closed = this;
        }
    }

    /** What to do once the lock is released. */
    private final class Effects {
        private final List<Runnable> completions = new ArrayList<>();
        Runnable readable;
        Link closed;

        void complete(CompletableFuture<Void> future) {
            completions.add(() -> future.complete(null));
        }

        void fail(CompletableFuture<Void> future, IOException failure) {
            completions.add(() -> future.completeExceptionally(failure));
        }

        void run() {
            // The server's books first: whoever a completion wakes finds the link closed there.
            if (closed != null) {
                closeHandler.onClosed(closed);
            }
            completions.forEach(Runnable::run);
            if (readable != null) {
                readable.run();
            }
        }
    }

    private record PendingSend(ByteBuffer bytes, CompletableFuture<Void> future) {}
}
