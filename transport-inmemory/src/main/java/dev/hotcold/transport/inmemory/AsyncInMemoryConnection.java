package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.spi.ReplyReader;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.spi.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * An asynchronous client connection over a {@link Link}. Receives are answered in order; reply
 * bytes are only taken from the link while someone waits for a reply, so a client that does not
 * read leaves the replies in the pipe and the server stops taking its requests.
 */
final class AsyncInMemoryConnection implements AsyncGameConnection {
    private static final int BUFFER_SIZE = 1024;

    private final Link link;
    private final SocketAddress address;
    private final ClientOptions options;
    private final ReplyReader replies = new ReplyReader();
    private final ByteBuffer inBuffer = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final ArrayDeque<CompletableFuture<Reply>> waiting = new ArrayDeque<>();
    private IOException failure;
    /** Set while a thread runs {@link #deliver()}: the link may call back into it from inside. */
    private boolean delivering;

    AsyncInMemoryConnection(Link link, SocketAddress address, ClientOptions options) {
        this.link = link;
        this.address = address;
        this.options = options;
        link.onReadable(this::deliver);
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        ByteBuffer bytes = ByteBuffer.allocate(Wire.MAX_COMMAND_BYTES);
        Wire.writeCommand(bytes, command);
        CompletableFuture<Void> sent = link.writeAsync(bytes.flip());
        if (!sent.isDone()) {
            timeOutUnlessDone(sent, ClientTimeoutException.send(address, options.replyTimeout()));
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
        if (!reply.isDone()) {
            timeOutUnlessDone(reply, ClientTimeoutException.reply(address, options.replyTimeout()));
        }
        return reply;
    }

    /**
     * Fails {@code stage} with {@code timeout} and closes the connection if the stage is still
     * open after the reply timeout. Armed only for stages that did not complete at once (rare
     * here: the session answers on the caller's thread), and cancelled as the stage completes, so
     * no timer outlives what it guards.
     */
    private void timeOutUnlessDone(CompletableFuture<?> stage, ClientTimeoutException timeout) {
        CompletableFuture<Void> timer = new CompletableFuture<>();
        timer.orTimeout(options.replyTimeout().toNanos(), TimeUnit.NANOSECONDS).whenComplete((ignored, expired) -> {
            if (expired != null && !stage.isDone()) {
                // Close first, so that whoever sees the stage fail finds the connection closed.
                synchronized (this) {
                    if (failure == null) {
                        failure = timeout;
                    }
                }
                link.closeClient(timeout);
                deliver();
                stage.completeExceptionally(timeout);
            }
        });
        stage.whenComplete((ignored, failed) -> timer.complete(null));
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
    }
}
