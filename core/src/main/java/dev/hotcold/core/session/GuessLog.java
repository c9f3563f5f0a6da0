package dev.hotcold.core.session;

import java.util.Arrays;

/**
 * The guesses of one game of a strategy the session cannot vouch for, so that it can refuse to
 * send one twice: an open-addressing set of longs holding at most {@link #MAX_GUESSES}, so at
 * most 64 KiB. Allocated on a custom strategy's first guess and reused game after game.
 */
final class GuessLog {
    /** The most guesses of a custom strategy checked in one game; past it the game answers an error. */
    static final int MAX_GUESSES = 4096;

    /** Outcomes of {@link #add}. */
    enum Result { ADDED, REPEATED, FULL }

    private static final int INITIAL_CAPACITY = 16;

    /** Slots; {@code EMPTY} marks a free one, and the value EMPTY itself is kept by a flag. */
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = new long[INITIAL_CAPACITY];
    private boolean hasEmptyValue;
    private int size;

    GuessLog() {
        Arrays.fill(slots, EMPTY);
    }

    Result add(long guess) {
        if (guess == EMPTY) {
            if (hasEmptyValue) {
                return Result.REPEATED;
            }
            if (size == MAX_GUESSES) {
                return Result.FULL;
            }
            hasEmptyValue = true;
            size++;
            return Result.ADDED;
        }
        int mask = slots.length - 1;
        int i = mix(guess) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == guess) {
                return Result.REPEATED;
            }
            i = (i + 1) & mask;
        }
        if (size == MAX_GUESSES) {
            return Result.FULL;
        }
        slots[i] = guess;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return Result.ADDED;
    }

    /** Forgets every guess: a new game begins. */
    void clear() {
        if (size > 0) {
            Arrays.fill(slots, EMPTY);
            hasEmptyValue = false;
            size = 0;
        }
    }

    int size() {
        return size;
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
