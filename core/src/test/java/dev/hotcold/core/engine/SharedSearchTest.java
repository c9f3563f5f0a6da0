package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One endgame search per thread, lent to each game for one call: games that take turns on one
 * thread (an event loop's connections) guess exactly as each would alone.
 */
class SharedSearchTest {

    /** A game on [lower, upper] for {@code secret}, stepped one guess at a time. */
    private static final class Stepper {
        final Guesser guesser;
        final Scorer scorer;
        final List<Long> guesses = new ArrayList<>();
        boolean over;

        Stepper(long lower, long upper, long secret) {
            guesser = GuessStrategy.hotCold().newGame(lower, upper);
            scorer = new Scorer(secret);
        }

        void step() {
            long guess = guesser.next();
            guesses.add(guess);
            Decision decision = scorer.score(guess);
            guesser.onReport(decision);
            over = decision == Decision.CORRECT;
        }
    }

    private static List<Long> alone(long lower, long upper, long secret) {
        Stepper game = new Stepper(lower, upper, secret);
        while (!game.over) {
            game.step();
        }
        return game.guesses;
    }

    @ParameterizedTest
    @CsvSource({"1, 1000, 377, 1, 9, 4", "0, 999999, 5, -20, -11, -12", "1, 200, 200, 1, 124, 1"})
    void gamesTakingTurnsOnOneThreadGuessAsTheyWouldAlone(long lowerA, long upperA, long secretA,
            long lowerB, long upperB, long secretB) {
        Stepper a = new Stepper(lowerA, upperA, secretA);
        Stepper b = new Stepper(lowerB, upperB, secretB);
        while (!a.over || !b.over) {
            if (!a.over) {
                a.step();
            }
            if (!b.over) {
                b.step();
            }
        }
        assertEquals(alone(lowerA, upperA, secretA), a.guesses);
        assertEquals(alone(lowerB, upperB, secretB), b.guesses);
    }

    @ParameterizedTest
    @CsvSource({"9", "1000"})
    void eachThreadHasOneSearch(long rangeEnd) throws Exception {
        GuessList none = new GuessList(0, 64);
        EndgameSearch here = EndgameSearch.forGame(none, rangeEnd);
        assertSame(here, EndgameSearch.forGame(new GuessList(5, 64), rangeEnd), "reused on this thread");
        EndgameSearch there = CompletableFuture.supplyAsync(() -> EndgameSearch.forGame(none, rangeEnd),
                command -> new Thread(command).start()).get();
        assertNotSame(here, there, "another thread has its own");
    }
}
