package dev.hotcold.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.client.ServerErrorException;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.transport.inmemory.DirectConnection;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The harness as a user writes it: {@code @HotColdServer} and parameters. */
@HotColdServer(strategy = HotColdServer.Strategy.HOT_COLD)
class HotColdServerTest {
    private static final Set<SocketAddress> ADDRESSES = ConcurrentHashMap.newKeySet();
    private GameServer serverBeforeEach;

    @BeforeEach
    void setUp(GameServer server) {
        serverBeforeEach = server;
    }

    @Test
    void theClassStrategyPlaysTheGame(GameServer server, GameConnection connection) {
        assertSame(serverBeforeEach, server, "@BeforeEach and the test share one server");
        try (Game game = Game.start(connection, 1, 1_000_000, 4242)) {
            List<Outcome> outcomes = game.play();
            // The random strategy needs about half a million guesses here; hot/cold at most 22.
            assertTrue(outcomes.size() <= 22, outcomes.size() + " guesses");
            assertEquals(new Outcome(4242, Decision.CORRECT), outcomes.get(outcomes.size() - 1));
        }
    }

    @Test
    void eachParameterIsAConnectionOfItsOwn(GameServer server, GameConnection first, GameConnection second,
            AsyncGameConnection third) {
        assertNotSame(first, second);
        assertEquals(3, server.connectionCount());
        try (Game one = Game.start(first, 1, 100, 1); Game two = Game.start(second, 1, 100, 100)) {
            one.play();
            two.play();
        }
        List<Outcome> outcomes = AsyncGame.play(third, 1, 100, 50).toCompletableFuture().join();
        assertTrue(outcomes.get(outcomes.size() - 1).isCorrect());
    }

    @RepeatedTest(3)
    void eachTestHasAServerOfItsOwn(GameServer server) {
        assertTrue(ADDRESSES.add(server.address()), server.address() + " was given to another test");
    }

    @Test
    @HotColdServer(maxConnections = 1, seed = 7)
    void aMethodAnnotationReplacesTheClassOne(GameServer server, GameConnection admitted, GameConnection refused) {
        assertEquals(1, server.connectionCount(), "the second connection was refused");
        Game busy = Game.start(refused, 1, 5, 3);
        ServerErrorException error = assertThrows(ServerErrorException.class, busy::play);
        assertEquals(ErrorReason.SERVER_BUSY, error.knownReason().orElseThrow());
        // The method's strategy is the random one with seed 7: the same guesses as a local session.
        try (Game game = Game.start(admitted, 1, 100, 60);
             DirectConnection direct = new DirectConnection(GuessStrategy.random(7));
             Game reference = Game.start(direct, 1, 100, 60)) {
            assertEquals(reference.play(), game.play());
        }
    }

    @Nested
    class NestedTests {
        @Test
        void inheritTheEnclosingAnnotation(GameConnection connection) {
            try (Game game = Game.start(connection, 1, 1 << 20, 12_345)) {
                assertTrue(game.play().size() <= 22);
            }
        }
    }
}
