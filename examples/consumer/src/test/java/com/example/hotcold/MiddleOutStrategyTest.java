package com.example.hotcold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.junit.HotColdExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our strategy, served in memory by the hotcold JUnit harness and played by real clients. */
class MiddleOutStrategyTest {

    @RegisterExtension
    static final HotColdExtension HOTCOLD = HotColdExtension.builder()
            .strategy(new MiddleOutStrategy())
            .maxConnections(4)
            .build();

    @Test
    void everySecretIsFoundWithoutARepeatedGuess(GameConnection connection) {
        for (long secret = 1; secret <= 25; secret++) {
            try (Game game = Game.start(connection, 1, 25, secret)) {
                List<Outcome> outcomes = game.play();
                Set<Long> guessed = new HashSet<>();
                outcomes.forEach(outcome -> assertTrue(guessed.add(outcome.number()), "repeated " + outcome));
                assertEquals(13, outcomes.get(0).number(), "the middle first");
                assertEquals(secret, outcomes.get(outcomes.size() - 1).number());
                assertTrue(outcomes.get(outcomes.size() - 1).isCorrect());
            }
        }
    }

    @Test
    void theGuessesGoOutwardsFromTheMiddle(GameConnection connection) {
        try (Game game = Game.start(connection, 1, 7, 1)) {
            assertEquals(List.of(4L, 5L, 3L, 6L, 2L, 7L, 1L), game.play().stream().map(Outcome::number).toList());
        }
    }

    @Test
    void asynchronousClientsPlayTheSameGames(GameServer server, AsyncGameConnection async) {
        List<Outcome> outcomes = AsyncGame.play(async, -10, 10, -3).toCompletableFuture().join();
        assertEquals(List.of(0L, 1L, -1L, 2L, -2L, 3L, -3L), outcomes.stream().map(Outcome::number).toList());
        assertEquals(1, server.connectionCount());
    }

    @ParameterizedTest
    @CsvSource({
            "-9223372036854775808, 9223372036854775807",
            "9223372036854775805, 9223372036854775807",
            "-9223372036854775808, -9223372036854775806",
            "42, 42"})
    void everyNumberOfARangeOnceEvenAtTheEndsOfLong(long lower, long upper) {
        Guesser guesser = new MiddleOutStrategy().newGame(lower, upper);
        List<Long> guesses = new ArrayList<>();
        for (int i = 0; i < 6 && guesser.hasNext(); i++) {
            long guess = guesser.next();
            assertTrue(guess >= lower && guess <= upper, guess + " outside the range");
            guesses.add(guess);
        }
        assertEquals(guesses.size(), new HashSet<>(guesses).size(), "no repeats: " + guesses);
        if (upper - lower < 5 && upper - lower >= 0) {
            assertEquals(upper - lower + 1, guesses.size(), "every number: " + guesses);
            assertFalse(guesser.hasNext());
            assertThrows(NoSuchElementException.class, guesser::next);
        }
    }

    @Test
    void theTestsRunOnTheModulePath() {
        // The tests are patched into our module, which reads hotcold's modules from the module path.
        // Test-only libraries (JUnit, hotcold-junit) sit on the class path: surefire puts there
        // whatever the main module does not require.
        assertEquals("com.example.hotcold", getClass().getModule().getName());
        assertEquals("dev.hotcold.core", Game.class.getModule().getName());
        assertEquals("dev.hotcold.transport.inmemory", MiddleOutStrategyTest.class.getModule().getLayer()
                .findModule("dev.hotcold.transport.inmemory").orElseThrow().getName());
        assertTrue(getClass().getModule().canRead(Game.class.getModule()));
    }
}
