package dev.hotcold.transport.blocking;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ReplyReader;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.protocol.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
 */
final class ThreadedAsyncConnection implements AsyncGameConnection {
    private record Send(Command command, CompletableFuture<Void> sent) {}

    private static final Send CLOSE_WRITER = new Send(null, null);
    private static final CompletableFuture<Reply> CLOSE_READER = new CompletableFuture<>();

    private final Socket socket;
    private final LinkedBlockingQueue<Send> sends = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<CompletableFuture<Reply>> receives = new LinkedBlockingQueue<>();
    private volatile IOException failure;

    ThreadedAsyncConnection(Socket socket) throws IOException {
        this.socket = socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Thread.ofVirtual().name("hotcold-client-blocking-writer").start(() -> writeLoop(out));
        Thread.ofVirtual().name("hotcold-client-blocking-reader").start(() -> readLoop(in));
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        IOException failed = failure;
        if (failed != null) {
            sent.completeExceptionally(failed);
        } else {
            sends.add(new Send(command, sent));
        }
        return sent;
    }

    @Override
    public CompletionStage<Reply> receive() {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        IOException failed = failure;
        if (failed != null) {
            reply.completeExceptionally(failed);
        } else {
            receives.add(reply);
        }
        return reply;
    }

    private void writeLoop(OutputStream out) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        List<Send> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(sends.take());
                sends.drainTo(batch);
                for (Send send : batch) {
                    if (send == CLOSE_WRITER) {
                        return;
                    }
                    if (buffer.remaining() < Wire.MAX_COMMAND_BYTES) {
                        out.write(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    Wire.writeCommand(buffer, send.command());
                }
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
                batch.forEach(send -> send.sent().complete(null));
                batch.clear();
            }
        } catch (IOException e) {
            fail(e);
            batch.stream().filter(send -> send != CLOSE_WRITER).forEach(send -> send.sent().completeExceptionally(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failPending();
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
                if (waiting == CLOSE_READER) {
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
                waiting.completeExceptionally(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failPending();
        }
    }

    private void fail(IOException cause) {
        if (failure == null) {
            failure = cause;
        }
        close();
    }

    /** Completes everything still queued with the failure, or with "closed". */
    private void failPending() {
        IOException cause = failure != null ? failure : new IOException("connection is closed");
        Send send;
        while ((send = sends.poll()) != null) {
            if (send != CLOSE_WRITER) {
                send.sent().completeExceptionally(cause);
            }
        }
        CompletableFuture<Reply> reply;
        while ((reply = receives.poll()) != null) {
            reply.completeExceptionally(cause);
        }
    }

    @Override
    public void close() {
        if (failure == null) {
            failure = new IOException("connection is closed");
        }
        sends.add(CLOSE_WRITER);
        receives.add(CLOSE_READER);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closed either way.
        }
    }
}
