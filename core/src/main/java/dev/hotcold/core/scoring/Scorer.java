package dev.hotcold.core.scoring;

import dev.hotcold.core.protocol.Decision;

/**
 * The client's judge: holds the secret and says how each guess compares with the one before,
 * as the protocol defines it: Warmer when strictly nearer the secret than the previous guess,
 * Colder when strictly farther, Same when as far, Unsure for a first guess that misses. Distances are exact unsigned 64-bit values, so the
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
    private long secret;
    private long lastDistance;
    private boolean scoredBefore;

    /**
     * A judge for a game whose secret is {@code secret}.
     *
     * @param secret the number the guesses must find
     */
    public Scorer(long secret) {
        this.secret = secret;
    }

    /**
     * Starts judging a new game whose secret is {@code secret}, as a new scorer would: for a
     * client that keeps one scorer per connection rather than making one per game.
     *
     * @param secret the number the next game's guesses must find
     */
    public void restart(long secret) {
        this.secret = secret;
        this.lastDistance = 0;
        this.scoredBefore = false;
    }

    /**
     * The number this game hides.
     *
     * @return the secret
     */
    public long secret() {
        return secret;
    }

    /**
     * Scores a guess against the secret and the previous guess, and remembers its distance for the
     * next one.
     *
     * @param guess the number guessed
     * @return {@link Decision#CORRECT} when the guess is the secret, {@link Decision#UNSURE} for a
     *     first guess that misses, otherwise how it compares with the previous guess
     */
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
     * The distance between two numbers as an unsigned 64-bit number: exact for any two longs, up
     * to 2<sup>64</sup> - 1. Compare results with {@link Long#compareUnsigned}.
     *
     * @param number one number
     * @param other the other number
     * @return |number - other|, to be read unsigned
     */
    public static long distance(long number, long other) {
        // Two's-complement subtraction wraps to the true difference modulo 2^64, which is the
        // exact magnitude once the larger operand comes first.
        return number >= other ? number - other : other - number;
    }
}
