package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Repeat detection agrees with a plain set, game after game, for bit sets and hash sets alike. */
class GuessHistoryTest {

    @ParameterizedTest(name = "[{0}, {1}]")
    @CsvSource({
        "1, 1", "1, 2", "1, 63", "1, 64", "1, 65", "1, 100", "1, 4096", "1, 4097", "-5000, -1000",
        "1, 1000000", "1, 9223372036854775807", "-9223372036854775808, 9223372036854775807",
        "9223372036854770000, 9223372036854775807"})
    void agreesWithASetOverSeededGames(long lower, long upper) {
        SplittableRandom random = new SplittableRandom(lower ^ upper);
        GuessHistory history = new GuessHistory(1 << 20);
        long span = upper - lower;   // the range's size minus one, unsigned
        for (int game = 0; game < 50; game++) {
            history.reset(lower, upper);
            Set<Long> reference = new HashSet<>();
            int guesses = random.nextInt(1, 3000);
            for (int i = 0; i < guesses; i++) {
                long guess = lower + offset(random, span);
                GuessHistory.Result expected = reference.add(guess) ? GuessHistory.Result.ADDED : GuessHistory.Result.REPEATED;
                assertEquals(expected, history.add(guess), "guess " + guess + " in game " + game);
            }
            assertEquals(reference.size(), history.size());
        }
    }

    /**
     * An offset into a range whose size minus one is {@code span} (unsigned), from a small window
     * half of the time, so that repeats happen even on huge ranges.
     */
    private static long offset(SplittableRandom random, long span) {
        if (Long.compareUnsigned(span, 50) < 0) {
            return random.nextLong(span + 1);
        }
        if (random.nextBoolean()) {
            return random.nextLong(50);
        }
        return span < 0 ? random.nextLong() & Long.MAX_VALUE : random.nextLong(span + 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 100, 4096, 4097, Long.MAX_VALUE})
    void theExtremesOfTheRangeAreNumbersLikeAnyOther(long upper) {
        GuessHistory history = new GuessHistory(100);
        history.reset(1, upper);
        assertEquals(GuessHistory.Result.ADDED, history.add(upper));
        assertEquals(upper == 1 ? GuessHistory.Result.REPEATED : GuessHistory.Result.ADDED, history.add(1));
        assertEquals(GuessHistory.Result.REPEATED, history.add(upper));
        assertEquals(GuessHistory.Result.REPEATED, history.add(1));
        history.reset(1, upper);
        assertEquals(GuessHistory.Result.ADDED, history.add(upper));
    }

    @ParameterizedTest
    @ValueSource(longs = {4096, 1_000_000})
    void pastItsMostGuessesItSaysFullAndStillKnowsTheOnesItHolds(long upper) {
        GuessHistory history = new GuessHistory(10);
        history.reset(1, upper);
        for (long guess = 1; guess <= 10; guess++) {
            assertEquals(GuessHistory.Result.ADDED, history.add(guess));
        }
        assertEquals(GuessHistory.Result.FULL, history.add(11));
        assertEquals(GuessHistory.Result.REPEATED, history.add(5));
        assertEquals(10, history.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void itHoldsAtLeastOneGuess(int maxGuesses) {
        assertThrows(IllegalArgumentException.class, () -> new GuessHistory(maxGuesses));
    }
}
