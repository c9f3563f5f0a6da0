package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.HashSet;
import java.util.Set;

/**
 * Plays honest games for the hot/cold tests: a {@link Scorer} judges every guess, as the seed's
 * client does, and every rule of the protocol is checked on the way.
 */
final class HotColdStrategyReferee {
    /** Far above any honest game; a game that gets here is stuck. */
    private static final int RUNAWAY = 200;

    private final Set<Long> seen = new HashSet<>();

    /**
     * Plays one game against the secret and returns the number of guesses, the Correct one
     * included. Fails if a guess leaves the range or repeats, or the guesser runs dry.
     */
    int play(GuessStrategy strategy, long lower, long upper, long secret) {
        Guesser guesser = strategy.newGame(lower, upper);
        Scorer scorer = new Scorer(secret);
        seen.clear();
        for (int guesses = 1; guesses <= RUNAWAY; guesses++) {
            assertTrue(guesser.hasNext(), "ran out of numbers before finding the secret");
            long guess = guesser.next();
            if (guess < lower || guess > upper) {
                fail("guess " + guess + " outside [" + lower + ", " + upper + "], secret " + secret);
            }
            if (!seen.add(guess)) {
                fail("guess " + guess + " repeated on [" + lower + ", " + upper + "], secret " + secret);
            }
            Decision decision = scorer.score(guess);
            if (decision == Decision.CORRECT) {
                return guesses;
            }
            guesser.onReport(decision);
        }
        throw new AssertionError("no Correct after " + RUNAWAY + " guesses on [" + lower + ", " + upper
                + "], secret " + secret);
    }

    /** ceil(log2 n) for a range size n given as unsigned n - 1 (so the whole long range is -1L). */
    static int ceilLog2(long sizeMinusOne) {
        return 64 - Long.numberOfLeadingZeros(sizeMinusOne);
    }
}
