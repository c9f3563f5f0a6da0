package dev.hotcold.transport.blocking;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.testkit.RecordingListener;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BlockingAsyncConnectionTest {

    @RepeatedTest(20)
    void commandsSentBeforeCloseGoOutAndEveryStageCompletes() throws Exception {
        RecordingListener listener = new RecordingListener();
        BlockingTransport transport = new BlockingTransport();
        try (GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder().listener(listener).build())) {
            AsyncGameConnection connection = transport.connectAsync(server.address()).toCompletableFuture().get();
            CompletableFuture<Void> cleared = connection.send(Command.Clear.INSTANCE).toCompletableFuture();
            CompletableFuture<?> pending = connection.receive().toCompletableFuture();
            connection.close();
            cleared.get(10, TimeUnit.SECONDS);
            listener.awaitCleared(1);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof IOException, String.valueOf(failed.getCause()));
            CompletableFuture<Void> late = connection.send(Command.Clear.INSTANCE).toCompletableFuture();
            assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
        }
    }
}
