package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientDeadline;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.codec.ReplyReader;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An asynchronous client connection over a {@link Link}. Receives are answered in order; reply
 * bytes are only taken from the link while someone waits for a reply, so a client that does not
 * read leaves the replies in the pipe and the server stops taking its requests.
 *
 * <p>Stages usually complete at once, on the caller's thread: the session runs there. One that
 * cannot (a receive with no request made, a send into a full pipe) runs the connection's
 * {@link ClientDeadline}; when it runs out the link closes and every open stage fails with the
 * deadline's {@link dev.hotcold.core.client.ClientTimeoutException}.
 */
final class AsyncInMemoryConnection implements AsyncGameConnection {
    private static final int BUFFER_SIZE = 1024;

    private final Link link;
    private final ClientDeadline deadline;
    private final ReplyReader replies = new ReplyReader();
    private final ByteBuffer inBuffer = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final ArrayDeque<CompletableFuture<Reply>> waiting = new ArrayDeque<>();
    /** Sends handed to the link and not yet taken by it. */
    private int sendsInFlight;
    private IOException failure;
    /** Set while a thread runs {@link #deliver()}: the link may call back into it from inside. */
    private boolean delivering;

    AsyncInMemoryConnection(Link link, SocketAddress address, ClientOptions options) {
        this.link = link;
        this.deadline = new ClientDeadline(options, address, this::timedOut);
        link.onReadable(this::deliver);
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        ByteBuffer bytes = ByteBuffer.allocate(Wire.MAX_COMMAND_BYTES);
        Wire.writeCommand(bytes, command);
        synchronized (this) {
            sendsInFlight++;
        }
        CompletableFuture<Void> sent = link.writeAsync(bytes.flip());
        if (sent.isDone()) {
            sendTaken();
        } else {
            synchronized (this) {
                deadline.enter(ClientDeadline.Wait.SEND);
            }
            sent.whenComplete((ignored, failed) -> sendTaken());
        }
        return sent;
    }

    @Override
    public CompletionStage<Reply> receive() {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        synchronized (this) {
            waiting.add(reply);
        }
        deliver();
        return reply;
    }

    private synchronized void sendTaken() {
        sendsInFlight--;
        if (failure == null) {
            updateDeadline();
        }
    }

    /** Runs the deadline while the connection waits on the server for anything. Holding the monitor. */
    private void updateDeadline() {
        if (!waiting.isEmpty()) {
            deadline.enter(ClientDeadline.Wait.REPLY);
        } else if (sendsInFlight > 0) {
            deadline.enter(ClientDeadline.Wait.SEND);
        } else {
            deadline.exit();
        }
    }

    /** The deadline ran out: the link closes and every open stage fails with the timeout. */
    private void timedOut() {
        IOException timeout = deadline.exception();
        synchronized (this) {
            if (failure == null) {
                failure = timeout;
            }
        }
        link.closeClient(timeout);
        deliver();
    }

    /** Hands complete replies to waiting receivers, reading from the link as long as someone waits. */
    private void deliver() {
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
            if (delivering) {
                return;   // a nested call from the link: the loop below goes on reading
            }
            delivering = true;
            try {
                deliverLocked(completions);
            } finally {
                delivering = false;
                if (failure != null) {
                    deadline.close();   // nothing left to time: the connection is over
                } else {
                    updateDeadline();
                }
            }
        }
        completions.forEach(Runnable::run);
    }

    private void deliverLocked(List<Runnable> completions) {
        while (!waiting.isEmpty()) {
            if (failure != null) {
                IOException cause = failure;
                CompletableFuture<Reply> next = waiting.remove();
                completions.add(() -> next.completeExceptionally(cause));
                continue;
            }
            Reply reply = replies.next(inBuffer);
            if (reply != null) {
                CompletableFuture<Reply> next = waiting.remove();
                completions.add(() -> next.complete(reply));
                continue;
            }
            try {
                inBuffer.clear();
                int read = link.tryRead(inBuffer);
                inBuffer.flip();
                if (read == 0) {
                    break;   // the link calls deliver() again when replies arrive
                }
                if (read < 0) {
                    failure = new EOFException("connection closed by the server");
                }
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void close() {
        link.closeClient();
        synchronized (this) {
            if (failure == null) {
                failure = new IOException("connection is closed");
            }
        }
        deliver();
        deadline.close();
    }
}
