package dev.hotcold.core.engine;

import java.util.Arrays;

/**
 * The guesses of one hot/cold game, kept so that none is made twice: sorted, with a fixed capacity
 * chosen by the game.
 *
 * <p>The list stores the guessed numbers themselves rather than their offsets from the lower bound:
 * offsets are unsigned, and the signed order of the numbers is the unsigned order of their offsets,
 * so {@link Arrays#binarySearch(long[], int, int, long)} works on them unchanged. Callers speak in
 * offsets. The array starts with room for an honest game's guesses and grows by doubling up to the
 * capacity.
 */
final class GuessList {
    /**
     * Room for the guesses of any honest game on a range of up to 2^30 numbers (at most
     * ceil(log2 n) + 2 of them) in the first array, so that such a game never grows it.
     */
    private static final int INITIAL_LENGTH = 32;

    private long lower;
    private int capacity;
    /** The guessed numbers in ascending order; only the first {@link #size} entries are used. */
    private long[] sortedGuesses;
    private int size;

    /** An empty list for a range that starts at {@code lower}, holding at most {@code capacity} guesses. */
    GuessList(long lower, int capacity) {
        this.lower = lower;
        this.capacity = capacity;
        this.sortedGuesses = new long[Math.min(INITIAL_LENGTH, Math.max(1, capacity))];
    }

    /**
     * Empties the list for a new game on a range that starts at {@code lower}, holding at most
     * {@code capacity} guesses; the array is kept, and grows only past its length.
     */
    void reset(long lower, int capacity) {
        this.lower = lower;
        this.capacity = capacity;
        this.size = 0;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == capacity;
    }

    /** The offset of the guess at {@code index} in ascending order. */
    long offset(int index) {
        return sortedGuesses[index] - lower;
    }

    boolean contains(long offset) {
        return Arrays.binarySearch(sortedGuesses, 0, size, lower + offset) >= 0;
    }

    /** How many listed guesses lie at offsets from {@code from} to {@code to}, both included. */
    int countBetween(long from, long to) {
        int start = Arrays.binarySearch(sortedGuesses, 0, size, lower + from);
        int end = Arrays.binarySearch(sortedGuesses, 0, size, lower + to);
        int firstInside = start >= 0 ? start : -start - 1;
        int firstAfter = end >= 0 ? end + 1 : -end - 1;
        return firstAfter - firstInside;
    }

    /**
     * Adds a guess.
     *
     * @throws IllegalStateException if the offset is listed already; the game must never repeat a
     *     guess, so this is a bug, not bad input
     */
    void add(long offset) {
        long guess = lower + offset;
        int found = Arrays.binarySearch(sortedGuesses, 0, size, guess);
        if (found >= 0) {
            throw new IllegalStateException("guessed twice: " + guess);
        }
        int insertAt = -found - 1;
        if (size == sortedGuesses.length) {
            sortedGuesses = Arrays.copyOf(sortedGuesses, Math.min(capacity, 2 * size));
        }
        System.arraycopy(sortedGuesses, insertAt, sortedGuesses, insertAt + 1, size - insertAt);
        sortedGuesses[insertAt] = guess;
        size++;
    }
}
