package dev.hotcold.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.lab.Duel;
import dev.hotcold.core.lab.DuelResult;
import java.util.SplittableRandom;

/**
 * Assertions about a {@link GuessStrategy}, played in memory by a {@link Duel}: its worst case over
 * every secret, what the adversary forces, and that whatever the reports it stays in the range,
 * never repeats and guesses every number before giving up. A strategy that breaks a rule fails the
 * assertion with a {@link dev.hotcold.core.lab.DuelFailure} naming the game.
 *
 * <pre>{@code
 * StrategyChecks.assertWorstCaseAtMost(new MyStrategy(), 1, 1000, 12);
 * StrategyChecks.assertAdversaryForcesAtMost(new MyStrategy(), 1, 1_000_000, 22);
 * StrategyChecks.assertNeverRepeatsNorLeavesTheRange(new MyStrategy(), 200, 42);
 * }</pre>
 */
public final class StrategyChecks {
    private StrategyChecks() {}

    /**
     * Asserts that no secret of [lower, upper] takes more than {@code most} guesses, the Correct one
     * included: one game per secret, so keep the range to thousands of numbers.
     *
     * @param strategy the strategy
     * @param lower the smallest number of the range
     * @param upper the largest number of the range
     * @param most the most guesses a game may take
     * @return what the games measured
     */
    public static DuelResult assertWorstCaseAtMost(GuessStrategy strategy, long lower, long upper, long most) {
        DuelResult result = Duel.of(strategy).everySecret(lower, upper);
        assertTrue(result.worst() <= most, () -> strategy + " took " + result.worst() + " guesses on [" + lower + ", "
                + upper + "] for the secret " + result.worstSecret() + ", more than " + most);
        return result;
    }

    /**
     * Asserts that the adversary cannot make the strategy take more than {@code most} guesses on
     * [lower, upper]: one game, so any range works; a lower bound on the true worst case.
     *
     * @param strategy the strategy
     * @param lower the smallest number of the range
     * @param upper the largest number of the range
     * @param most the most guesses the game may take
     * @return the game's figures
     */
    public static DuelResult assertAdversaryForcesAtMost(GuessStrategy strategy, long lower, long upper, long most) {
        DuelResult result = Duel.of(strategy).againstAdversary(lower, upper);
        assertTrue(result.worst() <= most, () -> "the adversary made " + strategy + " take " + result.worst()
                + " guesses on [" + lower + ", " + upper + "] (secret " + result.worstSecret() + "), more than " + most);
        return result;
    }

    /**
     * Asserts that, against reports drawn at random, the strategy stays in the range, never repeats
     * and guesses every number of it before {@code hasNext()} turns false: {@code games} games on
     * ranges of 1 to 64 numbers at random places, including the ends of the {@code long} range.
     *
     * @param strategy the strategy
     * @param games how many games
     * @param seed picks the ranges and the reports
     */
    public static void assertNeverRepeatsNorLeavesTheRange(GuessStrategy strategy, int games, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Duel duel = Duel.of(strategy);
        for (int game = 0; game < games; game++) {
            long size = 1 + random.nextInt(64);
            long lower = switch (game % 4) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> Long.MAX_VALUE - size + 1;
                default -> random.nextLong(-1_000_000, 1_000_000);
            };
            long upper = lower + size - 1;
            assertEquals(size, duel.againstRandomReports(lower, upper, random.nextLong()),
                    "guesses on [" + lower + ", " + upper + "]");
        }
    }
}
