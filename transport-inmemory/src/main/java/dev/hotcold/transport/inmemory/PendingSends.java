package dev.hotcold.transport.inmemory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous sends waiting for room in the request pipe, in order; each future completes once
 * all its bytes are in the pipe. Guarded by the link's lock.
 */
final class PendingSends {
    private record Send(ByteBuffer bytes, CompletableFuture<Void> future) {}

    private final ArrayDeque<Send> queue = new ArrayDeque<>();

    void add(ByteBuffer bytes, CompletableFuture<Void> future) {
        queue.add(new Send(bytes, future));
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Moves queued bytes into {@code requests} while it has room; true if any moved. */
    boolean moveInto(BytePipe requests, AfterUnlock effects) {
        boolean moved = false;
        while (!queue.isEmpty() && requests.free() > 0) {
            Send send = queue.peek();
            requests.write(send.bytes);
            moved = true;
            if (send.bytes.hasRemaining()) {
                break;
            }
            queue.remove();
            effects.complete(send.future);
        }
        return moved;
    }

    /** The server side closed: every queued send completes, dropped as bytes sent to a closed socket are. */
    void dropAll(AfterUnlock effects) {
        while (!queue.isEmpty()) {
            effects.complete(queue.remove().future);
        }
    }

    /** The client closed: every queued send fails with {@code failure}. */
    void failAll(AfterUnlock effects, IOException failure) {
        while (!queue.isEmpty()) {
            effects.fail(queue.remove().future, failure);
        }
    }
}
