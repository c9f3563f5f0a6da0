package dev.hotcold.core.engine;

import java.util.Arrays;

/**
 * The numbers guessed in one game, to catch a repeat, which the protocol forbids: the server's
 * session checks a custom strategy's guesses with it, and clients check the server's. Ranges of
 * up to {@value #MAX_BITS} numbers take a bit each (512 bytes at most); larger ones an
 * open-addressing hash set that grows with the guesses made, not with the range, and shrinks back
 * when a long game ends. It holds at most the {@code maxGuesses} it was made with; past that it
 * answers {@link Result#FULL} and records nothing more.
 *
 * <pre>{@code
 * GuessHistory history = new GuessHistory(4096);
 * history.reset(1, 100);                  // a game on [1, 100] begins
 * history.add(42);                        // ADDED
 * history.add(42);                        // REPEATED
 * }</pre>
 *
 * <p>Not thread-safe: one game at a time, reused game after game.
 */
public final class GuessHistory {
    /** Ranges of up to this many numbers use a bit per number. */
    public static final int MAX_BITS = 4096;

    /** What {@link #add} found. */
    public enum Result {
        /** The guess is new in this game, and now recorded. */
        ADDED,
        /** The guess was made before in this game. */
        REPEATED,
        /** The history holds its most guesses already; the guess was not checked. */
        FULL
    }

    private static final int INITIAL_SLOTS = 64;
    /** Marks a free slot; the value itself is kept by {@link #hasEmptyValue}. */
    private static final long EMPTY = Long.MIN_VALUE;

    private final int maxGuesses;
    private long lower;
    /** A bit per number of a small range, or null for a large one. */
    private long[] bits;
    private final long[] bitWords = new long[MAX_BITS / 64];
    /** The hash set of a large range's guesses, made on first use. */
    private long[] slots;
    private boolean hasEmptyValue;
    private int size;

    /**
     * An empty history for games of up to {@code maxGuesses} checked guesses; call
     * {@link #reset} before the first.
     *
     * @param maxGuesses the most guesses one game records
     * @throws IllegalArgumentException if {@code maxGuesses} is not positive
     */
    public GuessHistory(int maxGuesses) {
        if (maxGuesses < 1) {
            throw new IllegalArgumentException("maxGuesses must be positive, was " + maxGuesses);
        }
        this.maxGuesses = maxGuesses;
        reset(0, 0);
    }

    /**
     * Forgets every guess: a game on [lower, upper] begins.
     *
     * @param lower the game's lower bound
     * @param upper the game's upper bound, at least {@code lower}
     */
    public void reset(long lower, long upper) {
        this.lower = lower;
        // upper - lower may overflow a long; compared unsigned it is the range's size minus one.
        if (Long.compareUnsigned(upper - lower, MAX_BITS - 1) <= 0) {
            Arrays.fill(bitWords, 0);
            bits = bitWords;
        } else {
            bits = null;
            if (slots != null) {
                if (slots.length > INITIAL_SLOTS * 16) {
                    slots = null;   // a long game ended: give the memory back
                } else if (size > 0) {
                    Arrays.fill(slots, EMPTY);
                }
            }
        }
        hasEmptyValue = false;
        size = 0;
    }

    /**
     * Records {@code guess}, which the caller checked is in the range.
     *
     * @param guess a number of the game's range
     * @return whether it is new, repeated, or unchecked because the history is full
     */
    public Result add(long guess) {
        if (bits != null) {
            int bit = (int) (guess - lower);
            long mask = 1L << bit;   // the shift takes the low six bits
            long word = bits[bit >>> 6];
            if ((word & mask) != 0) {
                return Result.REPEATED;
            }
            if (size == maxGuesses) {
                return Result.FULL;
            }
            bits[bit >>> 6] = word | mask;
            size++;
            return Result.ADDED;
        }
        return addHashed(guess);
    }

    /**
     * Guesses recorded in this game.
     *
     * @return the number of distinct guesses recorded since {@link #reset}
     */
    public int size() {
        return size;
    }

    private Result addHashed(long guess) {
        if (guess == EMPTY) {
            if (hasEmptyValue) {
                return Result.REPEATED;
            }
            if (size == maxGuesses) {
                return Result.FULL;
            }
            hasEmptyValue = true;
            size++;
            return Result.ADDED;
        }
        if (slots == null) {
            slots = new long[INITIAL_SLOTS];
            Arrays.fill(slots, EMPTY);
        }
        int mask = slots.length - 1;
        int i = mix(guess) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == guess) {
                return Result.REPEATED;
            }
            i = (i + 1) & mask;
        }
        if (size == maxGuesses) {
            return Result.FULL;
        }
        slots[i] = guess;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return Result.ADDED;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (long guess : old) {
            if (guess != EMPTY) {
                int i = mix(guess) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = guess;
            }
        }
    }

    private static int mix(long value) {
        long h = value * 0x9e3779b97f4a7c15L;
        return (int) (h ^ (h >>> 32));
    }
}
