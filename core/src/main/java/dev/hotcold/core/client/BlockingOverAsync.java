package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** The blocking API over an asynchronous connection: each call waits for its stage. */
final class BlockingOverAsync implements GameConnection {
    private final AsyncGameConnection connection;
    private CompletableFuture<Void> lastSend = CompletableFuture.completedFuture(null);

    BlockingOverAsync(AsyncGameConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public void send(Command command) throws IOException {
        // Sends are ordered by the connection; waiting happens in flush and receive.
        CompletableFuture<Void> sent = connection.send(command).toCompletableFuture();
        if (sent.isCompletedExceptionally()) {
            await(sent);   // a closed connection fails at once, as a blocking one does
        }
        lastSend = lastSend.thenCombine(sent, (a, b) -> null);
    }

    @Override
    public void flush() throws IOException {
        CompletableFuture<Void> pending = lastSend;
        lastSend = CompletableFuture.completedFuture(null);
        await(pending);
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

    private static <T> T await(CompletionStage<T> stage) throws IOException {
        try {
            return stage.toCompletableFuture().get();
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
            throw new IOException(cause);
        }
    }
}
