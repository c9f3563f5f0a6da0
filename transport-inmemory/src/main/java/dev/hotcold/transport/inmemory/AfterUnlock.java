package dev.hotcold.transport.inmemory;

import dev.hotcold.core.server.ServerConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a {@link Link} operation does once its lock is released: complete futures, report the
 * close to core, wake the reader. Callbacks never run under the lock, so user code cannot
 * deadlock a link.
 */
final class AfterUnlock {
    private final List<Runnable> completions = new ArrayList<>();
    private Runnable readable;
    private ServerConnection closed;

    void complete(CompletableFuture<Void> future) {
        completions.add(() -> future.complete(null));
    }

    void fail(CompletableFuture<Void> future, IOException failure) {
        completions.add(() -> future.completeExceptionally(failure));
    }

    /** The reader's callback is to run: reply bytes arrived or the link closed. */
    void notifyReadable(Runnable callback) {
        readable = callback;
    }

    /** Core is to hear that the connection closed. */
    void reportClosed(ServerConnection connection) {
        closed = connection;
    }

    /**
     * The close report first, then completions, then the reader: whoever a completion or the
     * reader wakes finds the connection already closed in core's books.
     */
    void run() {
        if (closed != null) {
            closed.closed();
        }
        completions.forEach(Runnable::run);
        if (readable != null) {
            readable.run();
        }
    }
}
