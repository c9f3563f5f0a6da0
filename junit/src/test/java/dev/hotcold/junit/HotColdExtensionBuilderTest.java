package dev.hotcold.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.client.ServerErrorException;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/** The harness registered in code, with a strategy of the test's own: here a Mockito double. */
class HotColdExtensionBuilderTest {

    @RegisterExtension
    static final HotColdExtension HOTCOLD = HotColdExtension.builder()
            .strategyPerTest(() -> mock(GuessStrategy.class))
            .maxConnections(2)
            .configure(config -> config.maxLineLength(64))
            .build();

    @Test
    void theServerPlaysWithTheGivenStrategyAndTellsItEveryReport(GameServer server, GameConnection connection) {
        GuessStrategy strategy = server.config().strategy();
        Guesser guesser = mock(Guesser.class);
        when(strategy.newGame(1, 5)).thenReturn(guesser);
        when(guesser.hasNext()).thenReturn(true);
        when(guesser.next()).thenReturn(1L, 4L, 5L, 3L);

        List<Outcome> outcomes;
        try (Game game = Game.start(connection, 1, 5, 3)) {
            outcomes = game.play();
        }

        assertEquals(List.of(new Outcome(1, Decision.UNSURE), new Outcome(4, Decision.WARMER),
                new Outcome(5, Decision.COLDER), new Outcome(3, Decision.CORRECT)), outcomes);
        InOrder order = inOrder(strategy, guesser);
        order.verify(strategy).newGame(1, 5);
        for (Decision decision : List.of(Decision.UNSURE, Decision.WARMER, Decision.COLDER, Decision.CORRECT)) {
            order.verify(guesser).hasNext();
            order.verify(guesser).next();
            order.verify(guesser).onReport(decision);
        }
        verifyNoMoreInteractions(strategy, guesser);
    }

    @Test
    void aStrategyThatThrowsIsAnInternalErrorForTheClient(GameServer server, GameConnection connection) {
        GuessStrategy strategy = server.config().strategy();
        when(strategy.newGame(anyLong(), anyLong())).thenThrow(new IllegalStateException("strategy broke"));
        try (Game game = Game.start(connection, 1, 5, 3)) {
            ServerErrorException error = assertThrows(ServerErrorException.class, game::play);
            assertEquals(ErrorReason.INTERNAL_ERROR, error.knownReason().orElseThrow());
        }
    }

    @Test
    void eachTestGetsAFreshStrategyAndTheLimitsAsked(GameServer server, Transport transport) throws IOException {
        assertEquals(2, server.config().maxConnections());
        assertEquals(64, server.config().maxLineLength());
        // The first two connections only hold the two slots, open until the end of the try.
        GameConnection first = transport.connect(server.address());
        GameConnection second = transport.connect(server.address());
        try (first; second; GameConnection third = transport.connect(server.address())) {
            assertEquals(2, server.connectionCount());
            Game refused = Game.start(third, 1, 5, 3);
            ServerErrorException busy = assertThrows(ServerErrorException.class, refused::play);
            assertEquals(ErrorReason.SERVER_BUSY, busy.knownReason().orElseThrow());
        }
        // No stubbing from another test reaches this one: a fresh mock answers null.
        assertEquals(null, server.config().strategy().newGame(1, 5));
    }

    @Test
    void theBuilderNamesTheSettingThatIsOutOfRange() {
        IllegalArgumentException connections = assertThrows(IllegalArgumentException.class,
                () -> HotColdExtension.builder().maxConnections(0).build());
        assertTrue(connections.getMessage().contains("maxConnections"), connections.getMessage());
        IllegalArgumentException pipes = assertThrows(IllegalArgumentException.class,
                () -> HotColdExtension.builder().pipeCapacity(1).build());
        assertTrue(pipes.getMessage().contains("pipeCapacity"), pipes.getMessage());
        IllegalArgumentException lines = assertThrows(IllegalArgumentException.class,
                () -> HotColdExtension.builder().configure(config -> config.maxLineLength(1)).build());
        assertTrue(lines.getMessage().contains("maxLineLength"), lines.getMessage());
    }
}
