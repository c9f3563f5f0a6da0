package dev.hotcold.core.client;

import dev.hotcold.core.spi.CompletingThread;
import dev.hotcold.core.codec.ReplyReader;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.codec.Wire;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An asynchronous connection over a pair of blocking streams, such as a socket's: one task writes
 * queued commands (all that are waiting, in one write) and another reads a reply for each
 * waiting receive, in order; both run for the connection's life on threads of the
 * {@link Executor} the transport gives (virtual threads suit it). Replies are only read while
 * someone waits for one. The asynchronous half of the client side a transport writes, beside
 * {@link StreamGameConnection} for the blocking half:
 *
 * <pre>{@code
 * SocketChannel channel = SocketChannel.open(address);
 * AsyncGameConnection connection = new StreamAsyncConnection(
 *         Channels.newInputStream(channel), Channels.newOutputStream(channel), channel,
 *         runnable -> Thread.ofVirtual().start(runnable));
 * }</pre>
 *
 * <p>The streams should bound their waits (see {@link ClientDeadline}): a write that stalls is
 * what ends a close, and a read that never returns holds a thread. {@link #close()} lets commands
 * sent before it go out, then closes the resource. Whether a call is queued or refused is decided
 * under one lock with closing and failing, so every stage completes: queued work is done or
 * failed by the task that owns the queue, and later calls fail at once. Stages complete on the two
 * tasks' threads, so a blocking call made in a stage's callback fails at once (see
 * {@link CompletingThread}).
 */
public final class StreamAsyncConnection implements AsyncGameConnection, CompletingThread {
    private record Send(Command command, CompletableFuture<Void> sent) {}

    /** Queued by close(): the writer writes what came before, then closes the socket. */
    private static final Send CLOSE = new Send(null, null);
    /** Queued by close() and on failure: the reader stops. */
    private static final CompletableFuture<Reply> STOP_READING = new CompletableFuture<>();

    private final Closeable resource;
    private final LinkedBlockingQueue<Send> sends = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<CompletableFuture<Reply>> receives = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    /** Why new calls fail; set once, under the lock. */
    private IOException failure;
    /** The threads running the two tasks, once they run. */
    private volatile Thread writer;
    private volatile Thread reader;

    /**
     * Starts the writing and the reading task on {@code threads}.
     *
     * @param in the server's bytes
     * @param out where the commands are written
     * @param resource closed after the last command went out, or on failure: the socket, say
     * @param threads runs the two tasks, each for the connection's life
     * @throws java.util.concurrent.RejectedExecutionException if {@code threads} takes neither
     *     task; the resource is closed
     */
    public StreamAsyncConnection(InputStream in, OutputStream out, Closeable resource, Executor threads) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        this.resource = Objects.requireNonNull(resource, "resource");
        try {
            threads.execute(() -> {
                writer = Thread.currentThread();
                writeLoop(out);
            });
            threads.execute(() -> {
                reader = Thread.currentThread();
                readLoop(in);
            });
        } catch (RuntimeException | Error noThread) {
            fail(new IOException("no thread to run the connection on", noThread));
            throw noThread;
        }
    }

    /** Stages complete on the reader and writer tasks' threads: a blocking wait there waits for itself. */
    @Override
    public boolean isCompletingThread() {
        Thread current = Thread.currentThread();
        return current == reader || current == writer;
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        synchronized (lock) {
            if (failure == null) {
                sends.add(new Send(command, sent));
                return sent;
            }
        }
        sent.completeExceptionally(failure());
        return sent;
    }

    @Override
    public CompletionStage<Reply> receive() {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        synchronized (lock) {
            if (failure == null) {
                receives.add(reply);
                return reply;
            }
        }
        reply.completeExceptionally(failure());
        return reply;
    }

    private void writeLoop(OutputStream out) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        List<Send> batch = new ArrayList<>();
        IOException writeFailure = null;
        try {
            while (true) {
                batch.add(sends.take());
                sends.drainTo(batch);
                int closeAt = batch.indexOf(CLOSE);
                List<Send> toWrite = closeAt < 0 ? batch : batch.subList(0, closeAt);
                for (Send send : toWrite) {
                    if (buffer.remaining() < Wire.MAX_COMMAND_BYTES) {
                        out.write(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    Wire.writeCommand(buffer, send.command());
                }
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
                toWrite.forEach(send -> send.sent().complete(null));
                if (closeAt >= 0) {
                    closeSocket();   // anything queued after CLOSE was refused by send()
                    return;
                }
                batch.clear();
            }
        } catch (IOException e) {
            writeFailure = e;
            fail(e);
            for (Send send : batch) {
                if (send != CLOSE) {
                    send.sent().completeExceptionally(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Commands sent before a close that could not go out fail with why (a timeout, say),
            // not with the close.
            failQueuedSends(writeFailure != null ? writeFailure : failure());
        }
    }

    private void readLoop(InputStream in) {
        ReplyReader replies = new ReplyReader();
        byte[] bytes = new byte[4096];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).limit(0);
        CompletableFuture<Reply> waiting = null;
        try {
            while (true) {
                waiting = receives.take();
                if (waiting == STOP_READING) {
                    return;
                }
                Reply reply;
                while ((reply = replies.next(buffer)) == null) {
                    int read = in.read(bytes);
                    if (read < 0) {
                        throw new EOFException(replies.startedLikeTls()
                            ? "connection closed by the server, whose bytes were TLS: connect with TLS"
                            : "connection closed by the server");
                    }
                    buffer.limit(read).position(0);
                }
                waiting.complete(reply);
                waiting = null;
            }
        } catch (IOException e) {
            fail(e);
            if (waiting != null) {
                waiting.completeExceptionally(failure());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failQueuedReceives();
        }
    }

    /** Refuses new calls from now on and has both threads stop. */
    private void fail(IOException cause) {
        synchronized (lock) {
            if (failure != null) {
                return;
            }
            failure = cause;
            sends.add(CLOSE);
            receives.add(STOP_READING);
        }
        closeSocket();
    }

    private IOException failure() {
        synchronized (lock) {
            return failure;
        }
    }

    private void failQueuedSends(IOException cause) {
        Send send;
        while ((send = sends.poll()) != null) {
            if (send != CLOSE) {
                send.sent().completeExceptionally(cause);
            }
        }
    }

    private void failQueuedReceives() {
        IOException cause = failure();
        CompletableFuture<Reply> reply;
        while ((reply = receives.poll()) != null) {
            reply.completeExceptionally(cause);
        }
    }

    private void closeSocket() {
        try {
            resource.close();
        } catch (IOException ignored) {
            // Closed either way.
        }
    }

    /**
     * Refuses new calls and returns at once; commands sent before go out, then the socket closes,
     * at the latest a reply timeout after the server stopped taking bytes.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (failure != null) {
                return;
            }
            failure = new IOException("connection is closed");
            sends.add(CLOSE);
            receives.add(STOP_READING);
        }
    }
}
