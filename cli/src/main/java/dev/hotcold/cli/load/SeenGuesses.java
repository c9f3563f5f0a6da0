package dev.hotcold.cli.load;

import java.util.Arrays;

/**
 * The numbers a server has guessed in the current game, to catch a repeat. Small ranges use a
 * bit per number; larger ones an open-addressing hash set that grows with the game and shrinks
 * back when a long game ends, so memory follows the guesses actually made, not the range.
 */
abstract sealed class SeenGuesses permits SeenGuesses.Bits, SeenGuesses.Hashed {
    /** Ranges up to this many numbers get a bit set: 512 bytes at most per connection. */
    static final long MAX_BITS = 4096;

    /** A tracker for games on [1, range]. */
    static SeenGuesses forRange(long range) {
        return range <= MAX_BITS ? new Bits((int) range) : new Hashed();
    }

    /** Records {@code guess}; false if it had been guessed already in this game. */
    abstract boolean add(long guess);

    /** Forgets the game: the next guess starts a new one. */
    abstract void clear();

    /** Guesses in [1, range] as bits; guesses outside are the caller's to reject first. */
    static final class Bits extends SeenGuesses {
        private final long[] words;

        Bits(int range) {
            words = new long[(range + 63) >>> 6];
        }

        @Override
        boolean add(long guess) {
            int bit = (int) (guess - 1);
            long mask = 1L << bit;   // the shift takes the low six bits
            long word = words[bit >>> 6];
            words[bit >>> 6] = word | mask;
            return (word & mask) == 0;
        }

        @Override
        void clear() {
            Arrays.fill(words, 0);
        }
    }

    /** Linear probing over a power-of-two table; 0 marks an empty slot, as 0 is never in [1, range]. */
    static final class Hashed extends SeenGuesses {
        private static final int INITIAL = 64;
        private long[] slots = new long[INITIAL];
        private int size;

        @Override
        boolean add(long guess) {
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            for (int i = mix(guess) & mask; ; i = (i + 1) & mask) {
                long slot = slots[i];
                if (slot == guess) {
                    return false;
                }
                if (slot == 0) {
                    slots[i] = guess;
                    size++;
                    return true;
                }
            }
        }

        @Override
        void clear() {
            if (slots.length > INITIAL * 16) {
                slots = new long[INITIAL];   // a long game ended: give the memory back
            } else {
                Arrays.fill(slots, 0);
            }
            size = 0;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long guess : old) {
                if (guess != 0) {
                    int i = mix(guess) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = guess;
                }
            }
        }

        private static int mix(long value) {
            long h = value * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
