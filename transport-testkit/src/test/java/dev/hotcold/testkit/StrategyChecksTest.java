package dev.hotcold.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.lab.DuelFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

class StrategyChecksTest {

    /** Guesses in order from the top, but skips the range's lowest number: never finishes the range. */
    private static final GuessStrategy SKIPS_THE_LOWEST = (lower, upper) -> new Guesser() {
        private long next = upper;

        @Override
        public boolean hasNext() {
            return next > lower;
        }

        @Override
        public long next() {
            return next--;
        }
    };

    @Test
    void hotColdIsWithinItsBounds() {
        assertEquals(8, StrategyChecks.assertWorstCaseAtMost(GuessStrategy.hotCold(), 1, 123, 8).worst());
        StrategyChecks.assertWorstCaseAtMost(GuessStrategy.hotCold(), 1, 1000, 12);
        StrategyChecks.assertAdversaryForcesAtMost(GuessStrategy.hotCold(), 1, 1_000_000_000, 32);
        assertThrows(AssertionFailedError.class,
                () -> StrategyChecks.assertWorstCaseAtMost(GuessStrategy.hotCold(), 1, 123, 7));
        assertThrows(AssertionFailedError.class,
                () -> StrategyChecks.assertAdversaryForcesAtMost(GuessStrategy.random(1), 1, 1000, 100));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theBuiltInStrategiesNeverRepeatNorLeaveTheRangeWhateverTheReports(long seed) {
        StrategyChecks.assertNeverRepeatsNorLeavesTheRange(GuessStrategy.hotCold(), 200, seed);
        StrategyChecks.assertNeverRepeatsNorLeavesTheRange(GuessStrategy.random(seed), 200, seed);
    }

    @Test
    void aStrategyThatGivesUpEarlyIsCaught() {
        assertThrows(DuelFailure.class,
                () -> StrategyChecks.assertNeverRepeatsNorLeavesTheRange(SKIPS_THE_LOWEST, 10, 1));
    }
}
