package dev.hotcold.core.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.engine.ExactOptimum;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DuelTest {

    /** Guesses the range in order, ignoring the reports: its worst case is the range's size. */
    static final GuessStrategy SWEEP = (lower, upper) -> new Guesser() {
        private long next = lower;
        private boolean done;

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public long next() {
            done = next == upper;
            return next++;
        }
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 100})
    void theAdversaryForcesASweepToItsWorstCase(int n) {
        assertEquals(n, Duel.of(SWEEP).againstAdversary(1, n).worst());
        assertEquals(n, Duel.of(SWEEP).everySecret(1, n).worst());
    }

    /**
     * hotCold halves the candidates with every report, a binary search for this game; on these
     * sizes the adversary alone finds its worst case, which is the exact optimum up to 123.
     */
    @ParameterizedTest
    @ValueSource(ints = {10, 16, 64, 100, 123, 256, 1000, 4096})
    void theAdversaryForcesTheWorstCaseOfHotCold(int n) {
        Duel duel = Duel.of(GuessStrategy.hotCold());
        long forced = duel.againstAdversary(1, n).worst();
        assertEquals(duel.everySecret(1, n).worst(), forced, "n=" + n);
        assertTrue(forced >= 64 - Long.numberOfLeadingZeros(n - 1), "at least ceil(log2 n)");
        ExactOptimum.known(n).ifPresent(optimum -> assertEquals(optimum, forced));
    }

    @Test
    void theAdversaryNeverForcesMoreThanTheTrueWorstCase() {
        for (int n = 1; n <= 300; n++) {
            Duel duel = Duel.of(GuessStrategy.hotCold());
            assertTrue(duel.againstAdversary(1, n).worst() <= duel.everySecret(1, n).worst(), "n=" + n);
        }
    }

    @Test
    void everySecretCountsEachGame() {
        DuelResult result = Duel.of(SWEEP).everySecret(1, 4);
        assertEquals(4, result.games());
        assertEquals(10, result.totalGuesses());
        assertEquals(2.5, result.mean());
        assertEquals(4, result.worst());
        assertEquals(4, result.worstSecret());
        assertEquals(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 1L), result.histogram());
    }

    @Test
    void randomSecretsAreRepeatableBySeed() {
        Duel duel = Duel.of(GuessStrategy.hotCold());
        DuelResult first = duel.againstSecrets(1, 1_000_000, 500, 7);
        assertEquals(first, duel.againstSecrets(1, 1_000_000, 500, 7));
        assertEquals(500, first.games());
        assertTrue(first.worst() <= 22);
        assertTrue(duel.againstSecrets(Long.MIN_VALUE, Long.MAX_VALUE, 20, 1).worst() <= 66);
    }

    @Test
    void randomReportsMakeTheBuiltInStrategiesGuessEveryNumberOnce() {
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(37, Duel.of(GuessStrategy.hotCold()).againstRandomReports(-18, 18, seed));
            assertEquals(37, Duel.of(GuessStrategy.random(seed)).againstRandomReports(-18, 18, seed));
        }
    }

    @Test
    void aStrategyThatLeavesTheRangeFails() {
        GuessStrategy outside = (lower, upper) -> new Guesser() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public long next() {
                return upper + 1;
            }
        };
        DuelFailure failure = assertThrows(DuelFailure.class, () -> Duel.of(outside).againstAdversary(1, 10));
        assertTrue(failure.getMessage().contains("guess 11 is outside the range"), failure.getMessage());
    }

    @Test
    void aStrategyThatRepeatsFails() {
        GuessStrategy repeating = (lower, upper) -> new Guesser() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public long next() {
                return lower;
            }
        };
        DuelFailure failure = assertThrows(DuelFailure.class, () -> Duel.of(repeating).everySecret(1, 10));
        assertTrue(failure.getMessage().contains("secret 2: guess 1 repeats"), failure.getMessage());
    }

    @Test
    void aStrategyThatThrowsFailsWithWhatItThrew() {
        StackOverflowError thrown = new StackOverflowError("deep");
        GuessStrategy throwing = (lower, upper) -> {
            throw thrown;
        };
        DuelFailure failure = assertThrows(DuelFailure.class, () -> Duel.of(throwing).againstAdversary(1, 10));
        assertSame(thrown, failure.getCause());
    }

    @Test
    void aGameThatReachesTheLimitFails() {
        DuelFailure failure = assertThrows(DuelFailure.class,
                () -> Duel.of(SWEEP).withGuessLimit(10).againstAdversary(1, 100));
        assertTrue(failure.getMessage().contains("limit of 10 guesses"), failure.getMessage());
    }
}
