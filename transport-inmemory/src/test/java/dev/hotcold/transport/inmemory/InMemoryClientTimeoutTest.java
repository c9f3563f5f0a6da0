package dev.hotcold.transport.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reply timeout in memory. The session answers on the client's own thread, so the server
 * stalls only when it owes nothing (a receive with no request made) or when its replies are not
 * read (the pipes fill and requests wait for room); both waits end after the reply timeout, with
 * the connection closed. Connecting never waits here, so the connect timeout has nothing to time.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InMemoryClientTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final ClientOptions OPTIONS = ClientOptions.builder().replyTimeout(TIMEOUT).build();
    private static final int PIPE = 1024;

    private final InMemoryTransport transport = new InMemoryTransport(PIPE);
    private GameServer server;

    @BeforeEach
    void serve() throws IOException {
        server = transport.serve(ServerConfig.loopback(0));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aReceiveNothingWasAskedForFailsAfterTheReplyTimeout() throws Exception {
        GameConnection connection = transport.connect(server.address(), OPTIONS);
        long start = System.nanoTime();
        ClientTimeoutException timeout = assertThrows(ClientTimeoutException.class, connection::receive);
        assertTrue(System.nanoTime() - start >= TIMEOUT.toNanos(), "not before the timeout");
        assertEquals("no reply from " + server.address() + " within 200 ms (replyTimeout)", timeout.getMessage());
        assertThrows(IOException.class, connection::receive, "closed after the timeout");
        assertEquals(0, server.connectionCount(), "the server's side is closed too");
        connection.close();
    }

    @Test
    void anAsyncReceiveNothingWasAskedForFailsAfterTheReplyTimeout() throws Exception {
        AsyncGameConnection connection = transport.connectAsync(server.address(), OPTIONS).toCompletableFuture().get();
        CompletableFuture<?> reply = connection.receive().toCompletableFuture();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
        ClientTimeoutException timeout = assertInstanceOf(ClientTimeoutException.class, failed.getCause());
        assertEquals(ClientTimeoutException.Setting.replyTimeout, timeout.setting());
        assertEquals(0, server.connectionCount(), "closed after the timeout");
        CompletableFuture<Void> late = connection.send(Command.Clear.INSTANCE).toCompletableFuture();
        assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
        connection.close();
    }

    @Test
    void sendingWithoutReadingFailsOnceThePipesAreFullAndCloseIsBounded() throws Exception {
        GameConnection connection = transport.connect(server.address(), OPTIONS);
        connection.send(new Command.Params(1, 1_000_000));
        ClientTimeoutException timeout = assertThrows(ClientTimeoutException.class, () -> {
            for (int i = 0; i < 100 * PIPE; i++) {
                connection.send(Command.NumberRequest.INSTANCE);   // replies pile up unread
            }
            connection.flush();
        });
        assertEquals(ClientTimeoutException.Setting.replyTimeout, timeout.setting());
        assertTrue(timeout.getMessage().contains("took no command"), timeout.getMessage());
        connection.close();
        assertEquals(0, server.connectionCount());
    }

    @Test
    void asyncSendsThatFindNoRoomFailAfterTheReplyTimeout() throws Exception {
        AsyncGameConnection connection = transport.connectAsync(server.address(), OPTIONS).toCompletableFuture().get();
        connection.send(new Command.Params(1, 1_000_000));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 4 * PIPE; i++) {   // a few hundred fill both pipes
            sends.add(connection.send(Command.NumberRequest.INSTANCE).toCompletableFuture());
        }
        // The first send that found no room (on a slow machine it may have timed out already).
        CompletableFuture<Void> stalled = sends.stream()
                .filter(send -> !send.isDone() || send.isCompletedExceptionally()).findFirst().orElseThrow();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> stalled.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ClientTimeoutException.class, failed.getCause());
        assertEquals(0, server.connectionCount(), "closed after the timeout");
        connection.close();
    }

    @Test
    void aGameWithinTheTimeoutsPlaysAsUsual() throws Exception {
        ClientOptions options = ClientOptions.builder().connectTimeout(Duration.ofNanos(1)).replyTimeout(Duration.ofSeconds(5)).build();
        try (GameConnection connection = transport.connect(server.address(), options);
             Game game = Game.start(connection, 1, 100, 42)) {
            assertTrue(game.play().getLast().isCorrect());
        }
        AsyncGameConnection async = transport.connectAsync(server.address(), options).toCompletableFuture().get();
        assertTrue(dev.hotcold.core.client.AsyncGame.play(async, 1, 100, 42).toCompletableFuture().get(10, TimeUnit.SECONDS)
                .getLast().isCorrect());
        async.close();
    }
}
