package dev.hotcold.core.scoring;

import dev.hotcold.core.protocol.Decision;

/**
 * The client's judge: holds the secret and says how each guess compares with the one before,
 * exactly as the seed's client decides it. Distances are exact unsigned 64-bit values, so the
 * whole {@code long} range works with no overflow and no floating point.
 *
 * <pre>{@code
 * Scorer scorer = new Scorer(3);
 * scorer.score(4);   // UNSURE: the first guess has nothing to compare with
 * scorer.score(1);   // COLDER: 2 away, was 1 away
 * scorer.score(3);   // CORRECT
 * }</pre>
 *
 * <p>One per game; not thread-safe.
 */
public final class Scorer {
    private final long secret;
    private long lastDistance;
    private boolean scoredBefore;

    public Scorer(long secret) {
        this.secret = secret;
    }

    public long secret() {
        return secret;
    }

    /** Scores {@code guess} against the secret and the previous guess, and remembers it. */
    public Decision score(long guess) {
        long distance = distance(guess, secret);
        Decision decision;
        if (distance == 0) {
            decision = Decision.CORRECT;
        } else if (!scoredBefore) {
            decision = Decision.UNSURE;
        } else {
            int comparison = Long.compareUnsigned(distance, lastDistance);
            decision = comparison < 0 ? Decision.WARMER : comparison > 0 ? Decision.COLDER : Decision.SAME;
        }
        lastDistance = distance;
        scoredBefore = true;
        return decision;
    }

    /**
     * |a - b| as an unsigned 64-bit number: exact for any two longs, up to 2<sup>64</sup> - 1.
     * Compare results with {@link Long#compareUnsigned}.
     */
    public static long distance(long a, long b) {
        // Two's-complement subtraction wraps to the true difference modulo 2^64, which is the
        // exact magnitude once the larger operand comes first.
        return a >= b ? a - b : b - a;
    }
}
