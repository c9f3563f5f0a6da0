package dev.hotcold.transport.blocking;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.spi.CompletingThread;
import dev.hotcold.core.codec.ReplyReader;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.codec.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An asynchronous client connection over a blocking socket: a virtual thread writes queued
 * commands (all that are waiting, in one write) and another reads a reply for each waiting
 * receive, in order. Replies are only read while someone waits for one.
 *
 * <p>{@link #close()} lets commands sent before it go out, then closes the socket; a server that
 * does not take them within the reply timeout has the socket closed under the stalled write by
 * its deadline (see {@link ClientSocket}), so the socket and both threads are gone within that
 * bound. Stages complete on the reader and writer threads, so a blocking call made in a stage's
 * callback fails at once (see {@link CompletingThread}). Whether a
 * call is queued or refused is decided under one lock with closing and failing, so every stage
 * completes: queued work is done or failed by the thread that owns the queue, and later calls
 * fail at once.
 */
final class ThreadedAsyncConnection implements AsyncGameConnection, CompletingThread {
    private record Send(Command command, CompletableFuture<Void> sent) {}

    /** Queued by close(): the writer writes what came before, then closes the socket. */
    private static final Send CLOSE = new Send(null, null);
    /** Queued by close() and on failure: the reader stops. */
    private static final CompletableFuture<Reply> STOP_READING = new CompletableFuture<>();

    private final ClientSocket socket;
    private final Thread writer;
    private final Thread reader;
    private final LinkedBlockingQueue<Send> sends = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<CompletableFuture<Reply>> receives = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    /** Why new calls fail; set once, under the lock. */
    private IOException failure;

    ThreadedAsyncConnection(ClientSocket socket) {
        this.socket = socket;
        InputStream in = socket.in();
        OutputStream out = socket.out();
        this.writer = Thread.ofVirtual().name("hotcold-client-blocking-writer").unstarted(() -> writeLoop(out));
        this.reader = Thread.ofVirtual().name("hotcold-client-blocking-reader").unstarted(() -> readLoop(in));
        writer.start();
        reader.start();
    }

    /** Stages complete on the reader and writer threads: a blocking wait there waits for itself. */
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
                        throw new EOFException("connection closed by the server");
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
            socket.close();
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
