package dev.hotcold.core.engine;

import java.util.OptionalInt;

/**
 * The fewest guesses any strategy needs for a range of n numbers, from an exact minimax search of
 * the game tree, and the built-in table of those figures.
 *
 * <p>The game searched is the one {@link dev.hotcold.core.scoring.Scorer} judges: a guess equal to
 * the secret is Correct; the first guess of a game that misses is Unsure and tells nothing; every
 * later miss is Warmer, Colder or Same by comparing its distance to the secret with the previous
 * guess's. Guesses never repeat and never leave the range, and may be numbers already known to be
 * wrong. <b>"k guesses settle n numbers"</b> means some strategy finds every secret of a range of n
 * numbers with its k-th guess or earlier, the Correct guess counted: 1, 2, 5, 10, 20, 35, 67 and 123
 * numbers for k = 1 to 8.
 *
 * <pre>{@code
 * ExactOptimum.settles(123, 8);        // true
 * ExactOptimum.settles(124, 8);        // false, after about half a minute of search
 * ExactOptimum.known(100);             // OptionalInt[8], from the table, at once
 * }</pre>
 *
 * <p>{@link GuessStrategy#hotCold()} plays this optimum on every range of up to
 * {@value #TABLE_SIZE} numbers. The table is the search's output for n = 1 to
 * {@value #TABLE_SIZE}; {@code benchmarks/results/optimum.txt} lists it with the command that
 * computes it again.
 */
public final class ExactOptimum {
    /** The largest range the built-in table covers: the most numbers 8 guesses settle. */
    public static final int TABLE_SIZE = OptimalBook.MAX_SIZE;

    /** The largest range {@link #settles} searches. */
    public static final int MAX_SEARCH_SIZE = GameTreeSearch.MAX_SIZE;

    private ExactOptimum() {}

    /**
     * Whether {@code guesses} guesses, the Correct one included, settle every secret of a range of
     * {@code size} numbers, by exhaustive search. Time and memory grow steeply with the answer's
     * number of guesses: milliseconds up to 7 guesses, about half a minute and a few hundred
     * megabytes to prove that 8 guesses do not settle 124 numbers.
     *
     * @param size how many numbers the range holds, from 1 to {@value #MAX_SEARCH_SIZE}
     * @param guesses how many guesses the strategy may make; none settle no range
     * @return whether some strategy finds every secret within that many guesses
     * @throws IllegalArgumentException if the size is outside [1, {@value #MAX_SEARCH_SIZE}]
     */
    public static boolean settles(int size, int guesses) {
        return new GameTreeSearch(size).settlesRange(guesses);
    }

    /**
     * The fewest guesses that settle a range of {@code size} numbers, from the built-in table.
     *
     * @param size how many numbers the range holds
     * @return the optimum, or empty when the size is not from 1 to {@value #TABLE_SIZE}
     */
    public static OptionalInt known(long size) {
        if (size < 1 || size > TABLE_SIZE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(OptimalBook.optimum(size));
    }

    /**
     * The most numbers {@code guesses} guesses settle, from the built-in table.
     *
     * @param guesses from 1 to the optimum of {@value #TABLE_SIZE} numbers (8)
     * @return the largest n that many guesses settle
     * @throws IllegalArgumentException if the table does not reach that many guesses
     */
    public static int mostSettled(int guesses) {
        if (guesses < 1 || guesses >= OptimalBook.MOST_SETTLED.length) {
            throw new IllegalArgumentException("the table covers 1 to " + (OptimalBook.MOST_SETTLED.length - 1)
                    + " guesses, not " + guesses);
        }
        return OptimalBook.MOST_SETTLED[guesses];
    }
}
