package dev.hotcold.transport.inmemory;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.testkit.RecordingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the in-memory transport does beyond the conformance suite. */
@Timeout(60)
class InMemoryTransportTest {

    @Test
    void theSmallestPipesStillCarryTheLongestCommands() throws Exception {
        InMemoryTransport transport = new InMemoryTransport(Math.max(Wire.MAX_COMMAND_BYTES, Wire.MAX_REPLY_BYTES));
        try (GameServer server = transport.serve(ServerConfig.loopback(0));
             GameConnection connection = transport.connect(server.address());
             Game game = Game.start(connection, Long.MIN_VALUE, Long.MAX_VALUE, 0)) {
            Outcome first = game.iterator().next();
            assertTrue(first.number() >= Long.MIN_VALUE);
        }
        assertThrows(IllegalArgumentException.class, () -> new InMemoryTransport(Wire.MAX_COMMAND_BYTES - 1));
    }

    @Test
    void aWriteLargerThanThePipeIsConsumedAsTheSessionReadsIt() throws Exception {
        InMemoryTransport transport = new InMemoryTransport();
        try (GameServer server = transport.serve(ServerConfig.loopback(0))) {
            InMemoryConformanceTest.LinkRawClient client =
                    new InMemoryConformanceTest.LinkRawClient(InMemoryServer.lookup(server.address()).accept());
            client.write(("x".repeat(100_000) + "\nPARAMS 3 3\nNUMBER\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals("ERROR line too long", client.readLine());
            assertEquals("3", client.readLine());
            client.close();
        }
    }

    @Test
    void serversAreFoundByNameAndNamesAreUnique() throws Exception {
        InMemoryTransport transport = new InMemoryTransport();
        InMemoryAddress name = InMemoryAddress.unique("test");
        try (GameServer server = transport.serve(ServerConfig.builder().bindAddress(name).build())) {
            assertEquals(name, server.address());
            IOException taken = assertThrows(IOException.class, () -> transport.serve(ServerConfig.builder().bindAddress(name).build()));
            assertTrue(taken.getMessage().contains("already running"), taken.getMessage());
        }
        IOException gone = assertThrows(IOException.class, () -> transport.connect(name));
        assertEquals("no in-memory server named " + name.name(), gone.getMessage());
        assertTrue(!InMemoryAddress.unique().equals(InMemoryAddress.unique()));
    }

    @Test
    void anAsynchronousClientThatSendsALotWaitsForRoomInsteadOfGrowingMemory() throws Exception {
        // 4 KiB pipes; 2,000 NUMBERs are 14 KB of requests and about 14 KB of replies.
        InMemoryTransport transport = new InMemoryTransport(4096);
        try (GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(2)).build())) {
            AsyncGameConnection connection = transport.connectAsync(server.address()).toCompletableFuture().get();
            connection.send(new dev.hotcold.core.protocol.Command.Params(1, 1_000_000));
            CompletableFuture<Void> last = null;
            for (int i = 0; i < 2000; i++) {
                last = connection.send(dev.hotcold.core.protocol.Command.NumberRequest.INSTANCE).toCompletableFuture();
            }
            assertTrue(!last.isDone(), "the pipes are full: the last send waits");
            for (int i = 0; i < 2000; i++) {
                connection.receive().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            last.get(10, TimeUnit.SECONDS);
            connection.close();
        }
    }

    @Test
    void theDirectModePlaysOnTheCallingThread() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (DirectConnection connection = new DirectConnection(GuessStrategy.random(8), listener)) {
            for (long[] g : List.of(new long[] {1, 5, 3}, new long[] {10, 15, 12}, new long[] {1, 3, 2})) {
                try (Game game = Game.start(connection, g[0], g[1], g[2])) {
                    assertValidGame(game.play(), g[0], g[1], g[2]);
                }
            }
            assertEquals(false, connection.session().inGame());
            listener.awaitCleared(3);
            connection.sendBytes("BOGUS\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(new dev.hotcold.core.protocol.Reply.Error("unknown command"), connection.receive());
            IOException nothing = assertThrows(IOException.class, connection::receive);
            assertTrue(nothing.getMessage().contains("no reply"), nothing.getMessage());
        }
    }

    @Test
    void theDirectModeServesTheAsyncApiThroughTheTransportToo() throws Exception {
        InMemoryTransport transport = new InMemoryTransport();
        try (GameServer server = transport.serve(ServerConfig.loopback(0))) {
            List<Outcome> outcomes = transport.connectAsync(server.address()).toCompletableFuture()
                    .thenCompose(connection -> AsyncGame.play(connection, 1, 1000, 999)
                            .whenComplete((done, failure) -> connection.close()))
                    .get(30, TimeUnit.SECONDS);
            assertValidGame(outcomes, 1, 1000, 999);
        }
    }
}
