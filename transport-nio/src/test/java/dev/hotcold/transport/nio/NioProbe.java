package dev.hotcold.transport.nio;

import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerLifecycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.util.concurrent.CompletableFuture;

/**
 * What the NIO tests look at inside a running server: each question runs on the loops, whose
 * state it is, and waits for the answer.
 */
final class NioProbe {
    private NioProbe() {}

    /** The most unsent bytes held for any one connection, and how many connections are not read. */
    static int[] backlog(GameServer server) {
        int largest = 0;
        int suspended = 0;
        for (ServerLoop loop : loops(server)) {
            CompletableFuture<int[]> answer = new CompletableFuture<>();
            loop.execute(() -> {
                int most = 0;
                int held = 0;
                for (NioConnection connection : loop.connectionsNow()) {
                    most = Math.max(most, connection.unsent.size());
                    held += connection.readSuspended ? 1 : 0;
                }
                answer.complete(new int[] {most, held});
            });
            int[] one = answer.join();
            largest = Math.max(largest, one[0]);
            suspended += one[1];
        }
        return new int[] {largest, suspended};
    }

    /** Sets {@code SO_SNDBUF} of every connection open now. */
    static void setSendBufferSizes(GameServer server, int bytes) {
        for (ServerLoop loop : loops(server)) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    for (NioConnection connection : loop.connectionsNow()) {
                        connection.socket().setOption(StandardSocketOptions.SO_SNDBUF, bytes);
                    }
                    done.complete(null);
                } catch (IOException e) {
                    done.completeExceptionally(new UncheckedIOException(e));
                }
            });
            done.join();
        }
    }

    private static ServerLoop[] loops(GameServer server) {
        return ((NioServer) ((ServerLifecycle) server).endpoint()).loops;
    }
}
