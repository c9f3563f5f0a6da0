package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.spi.CompletingThread;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The blocking API over an asynchronous connection: each call waits for its stage. A call made on
 * a thread that completes the connection's stages (see {@link CompletingThread}) would wait for
 * itself, and fails at once with an {@link IllegalStateException} instead.
 */
final class BlockingOverAsync implements GameConnection {
    /**
     * Sends made without waiting before one is waited for: a caller that only sends is held back
     * by the transport's backpressure (and its timeouts) every this many commands.
     */
    private static final int MOST_SENDS_UNAWAITED = 1024;

    private final AsyncGameConnection connection;
    /** The last send's stage: sends complete in order, so it completes after every earlier one. */
    private CompletableFuture<Void> lastSend = CompletableFuture.completedFuture(null);
    private int unawaited;

    BlockingOverAsync(AsyncGameConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public void send(Command command) throws IOException {
        // Sends are ordered by the connection; waiting happens in flush and receive.
        CompletableFuture<Void> sent = connection.send(command).toCompletableFuture();
        lastSend = sent;
        if (sent.isCompletedExceptionally() || ++unawaited >= MOST_SENDS_UNAWAITED) {
            flush();   // a closed connection fails at once, as a blocking one does
        }
    }

    @Override
    public void flush() throws IOException {
        unawaited = 0;
        await(lastSend);
    }

    @Override
    public Reply receive() throws IOException {
        CompletionStage<Reply> reply = connection.receive();
        flush();
        return await(reply);
    }

    @Override
    public void close() {
        connection.close();
    }

    private <T> T await(CompletionStage<T> stage) throws IOException {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (!future.isDone() && connection instanceof CompletingThread owner && owner.isCompletingThread()) {
            throw new IllegalStateException("a blocking call on " + Thread.currentThread().getName()
                    + ", the thread that completes this connection's stages, would wait for itself:"
                    + " in a stage's callback, use the asynchronous API (AsyncGameConnection, AsyncGame)");
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the server");
        } catch (ExecutionException e) {
            Throwable cause = AsyncGame.unwrap(e.getCause());
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
