package dev.hotcold.core.scoring;

import dev.hotcold.core.protocol.Decision;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * A judge that has not chosen its secret: it answers every guess honestly for some secret of the
 * range, the one that keeps the most candidates alive, and says Correct only when the guess is the
 * one number left. Whatever a strategy does, its reports are those of a real game (some secret,
 * scored by a {@link Scorer}, gets exactly these reports), and it makes the strategy work about as
 * hard as its worst secret would: a strategy that halves the candidates needs ceil(log<sub>2</sub>
 * n) + 1 or so guesses against it, which is what its worst case must be.
 *
 * <p>After each guess the secrets still possible are those of one interval, less the numbers
 * guessed: the first guess that misses is Unsure and rules out only itself; each later guess splits
 * the candidates it does not hit by the report each would get (Warmer on the new guess's side of its
 * midpoint with the previous guess, Colder on the other, Same at the midpoint). The adversary keeps
 * the largest part; at equal sizes, Colder before Warmer before Same. It is greedy, so a strategy's
 * worst case can be a guess longer than what it forces; the exact worst case over every secret is
 * {@code Duel.everySecret} in {@code dev.hotcold.core.lab}.
 *
 * <pre>{@code
 * Adversary adversary = new Adversary(1, 100);
 * adversary.score(50);                // UNSURE: 99 candidates left
 * adversary.score(51);                // COLDER: 1 to 49 (COLDER keeps 49, WARMER 49 as well)
 * adversary.candidates();             // 49
 * }</pre>
 *
 * <p>Memory grows with the guesses made (it keeps them to know which candidates they rule out), not
 * with the range; any {@code long} range works. One per game; not thread-safe.
 */
public final class Adversary {
    private final long lower;
    private final long upper;
    /** The numbers guessed, in signed order. */
    private final TreeSet<Long> guessed = new TreeSet<>();
    /** The candidates: the numbers of [lowest, highest] not guessed. */
    private long lowest;
    private long highest;
    private boolean empty;
    private boolean scoredBefore;
    private long lastGuess;
    private boolean over;

    /**
     * An adversary for a game on the closed range [lower, upper].
     *
     * @param lower the smallest number of the range
     * @param upper the largest number of the range
     * @throws IllegalArgumentException if {@code lower > upper}
     */
    public Adversary(long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        this.lower = lower;
        this.upper = upper;
        this.lowest = lower;
        this.highest = upper;
    }

    /**
     * Scores a guess: Correct if it is the only candidate left, otherwise the report that keeps the
     * most candidates, as a {@link Scorer} would give it for each of them.
     *
     * @param guess a number of the range; a repeated guess is scored like any other, and hits no
     *     candidate
     * @return the report
     * @throws IllegalArgumentException if the guess lies outside the range
     * @throws IllegalStateException if a guess was already scored Correct
     */
    public Decision score(long guess) {
        if (guess < lower || guess > upper) {
            throw new IllegalArgumentException("guess " + guess + " outside [" + lower + ", " + upper + "]");
        }
        if (over) {
            throw new IllegalStateException("the game is over: a guess was scored Correct");
        }
        boolean hitsCandidate = !empty && guess >= lowest && guess <= highest && !guessed.contains(guess);
        guessed.add(guess);
        Decision decision;
        if (hitsCandidate && lowest == highest) {
            decision = Decision.CORRECT;
            over = true;
        } else if (!scoredBefore) {
            decision = Decision.UNSURE;
        } else {
            decision = split(guess);
        }
        trim();
        scoredBefore = true;
        lastGuess = guess;
        return decision;
    }

    /** Picks the largest part of the candidates the guess splits, and keeps it. */
    private Decision split(long guess) {
        long previous = lastGuess;
        if (guess == previous) {
            return Decision.SAME; // a guess repeated at once is as far from every secret as before
        }
        boolean upward = guess > previous;
        long lowerGuess = Math.min(guess, previous);
        long apart = upward ? guess - previous : previous - guess; // unsigned
        long half = apart >>> 1;
        boolean wholeMidpoint = (apart & 1) == 0;
        long midpoint = lowerGuess + half;
        long lastBelow = wholeMidpoint ? midpoint - 1 : midpoint;
        long firstAbove = midpoint + 1;
        long below = count(lowest, Math.min(highest, lastBelow));
        long above = count(Math.max(lowest, firstAbove), highest);
        long same = wholeMidpoint ? count(Math.max(lowest, midpoint), Math.min(highest, midpoint)) : 0;
        long warmer = upward ? above : below;
        long colder = upward ? below : above;
        if (warmer == 0 && colder == 0 && same == 0) {
            // Only the guess itself was a candidate, and the adversary says it was not: impossible,
            // as Correct is handled before. Kept for safety: the candidates are gone.
            empty = true;
            return Decision.COLDER;
        }
        if (Long.compareUnsigned(colder, warmer) >= 0 && Long.compareUnsigned(colder, same) >= 0) {
            keep(upward ? lowest : Math.max(lowest, firstAbove), upward ? Math.min(highest, lastBelow) : highest);
            return Decision.COLDER;
        }
        if (Long.compareUnsigned(warmer, same) >= 0) {
            keep(upward ? Math.max(lowest, firstAbove) : lowest, upward ? highest : Math.min(highest, lastBelow));
            return Decision.WARMER;
        }
        keep(midpoint, midpoint);
        return Decision.SAME;
    }

    private void keep(long from, long to) {
        lowest = from;
        highest = to;
    }

    /** Moves the candidates' ends inwards past guessed numbers. */
    private void trim() {
        if (empty) {
            return;
        }
        while (guessed.contains(lowest)) {
            if (lowest == highest) {
                empty = true;
                return;
            }
            lowest++;
        }
        while (guessed.contains(highest)) {
            highest--;
        }
    }

    /**
     * How many numbers of [from, to] are candidates, unsigned, capped at 2<sup>64</sup> - 1; 0 when
     * the interval is empty.
     */
    private long count(long from, long to) {
        if (empty || from > to) {
            return 0;
        }
        long span = to - from; // unsigned, at most 2^64 - 1
        long inside = guessed.subSet(from, true, to, true).size();
        long count = span - inside + 1;
        return span == -1L && inside == 0 ? -1L : count; // 2^64 numbers, none guessed: capped
    }

    /**
     * How many secrets are still possible, as an unsigned number capped at 2<sup>64</sup> - 1: 0
     * once a guess was Correct.
     *
     * @return the number of candidates
     */
    public long candidates() {
        return over ? 0 : count(lowest, highest);
    }

    /**
     * The secret, once only one is possible: after the Correct guess, or when one candidate is
     * left.
     *
     * @return the secret, or empty while several are possible
     */
    public OptionalLong secret() {
        if (over || (!empty && lowest == highest)) {
            return OptionalLong.of(lowest);
        }
        return OptionalLong.empty();
    }
}
