package dev.hotcold.core.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The exact minimax search of the hot/cold game on the range [0, size - 1]: whether some strategy
 * finds every secret within a given number of guesses, and which guess does it.
 *
 * <h2>The game it searches</h2>
 *
 * The model is the {@link dev.hotcold.core.scoring.Scorer}'s. A guess equal to the secret is
 * Correct and ends the game; it counts as a guess. The first guess of a game, when it misses, is
 * Unsure: it tells nothing but rules itself out. Every later guess g, when it misses, is compared
 * with the guess p just before it: Warmer when the secret is strictly nearer g than p, Colder when
 * strictly farther, Same when as far, which leaves only the midpoint (g + p) / 2, and only when
 * that is a whole number. A guess may be any number of the range not guessed before in the game,
 * a candidate or not: a number known to be wrong can still be worth guessing, for where it puts the
 * next midpoint. The numbers consistent with every report form an interval, less the numbers
 * guessed.
 *
 * <p>"k guesses settle n numbers" means: some strategy, against every secret of [0, n - 1] and the
 * honest reports on it, makes its Correct guess at the k-th guess or before. The Correct guess is
 * one of the k.
 *
 * <h2>How it searches</h2>
 *
 * A position is the candidates' interval, the numbers guessed (a bitset, at most {@value #MAX_SIZE}
 * numbers), the last guess and the guesses left. A position settles when its candidates are at
 * most one (and a guess is left), or when some fresh guess splits them into parts, by the report
 * each secret would give, that each settle with one guess fewer. Positions are remembered, with the
 * most guesses known not to settle them and the fewest known to, under the mirror image of the
 * range too. Guesses are tried in the order of their largest part, smallest first, and a part
 * larger than {@link #MOST_WITH_LAST} allows fails at once. Not thread-safe; one search per size.
 */
final class GameTreeSearch {
    /** The largest range the search takes: its bitsets hold four words. */
    static final int MAX_SIZE = 256;

    /**
     * An upper bound on the candidates k guesses can settle once a guess has been made: Correct
     * takes one, Same leaves at most one, Warmer and Colder at most what k - 1 settle each.
     */
    private static final int[] MOST_WITH_LAST = {0, 1, 4, 10, 22, 46, 94, 190, 382, 766, 1534, 3070, 6142, 12286,
            24574, 49150, 98302};

    private static final int WORDS = MAX_SIZE / 64;

    private final int size;
    /** The numbers guessed on the line of play being searched. */
    private final long[] guessed = new long[WORDS];
    private final long[] mirrored = new long[WORDS];
    /** Per position, the most guesses known to fail (low byte) and the fewest known to settle. */
    private final Map<Key, Short> memo = new HashMap<>();
    private long positions;

    /** A search of the range [0, size - 1]. */
    GameTreeSearch(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size + " outside [1, " + MAX_SIZE + "]");
        }
        this.size = size;
    }

    /** How many positions the search has evaluated so far (memo hits excluded). */
    long positions() {
        return positions;
    }

    /** How many positions the search remembers. */
    int remembered() {
        return memo.size();
    }

    /**
     * Whether {@code guesses} guesses settle the whole range, the first guess included.
     *
     * @param guesses how many guesses the strategy may make, the Correct one included
     */
    boolean settlesRange(int guesses) {
        return firstGuess(guesses) >= 0;
    }

    /**
     * A first guess from which {@code guesses} guesses settle the whole range, or -1 if none does.
     * Among good first guesses the one nearest the middle wins (the lower of two).
     */
    int firstGuess(int guesses) {
        if (guesses <= 0) {
            return -1;
        }
        if (size == 1) {
            return 0;
        }
        Arrays.fill(guessed, 0);
        int middle = (size - 1) / 2;
        for (int tried = 0; tried < size; tried++) {
            int first = middle + ((tried & 1) == 0 ? -(tried / 2) : (tried + 1) / 2);
            if (first < 0 || first >= size) {
                continue;
            }
            set(first);
            boolean settles = settles(trimUp(0), trimDown(size - 1), first, guesses - 1);
            clear(first);
            if (settles) {
                return first;
            }
        }
        return -1;
    }

    /**
     * A guess that settles the position within {@code guesses} guesses, or -1 if there is none.
     * The position: candidates are the numbers of [lowest, highest] not in {@code guessed}, the
     * last guess {@code last}.
     */
    int bestGuess(long[] guessedNumbers, int lowest, int highest, int last, int guesses) {
        System.arraycopy(guessedNumbers, 0, guessed, 0, WORDS);
        int count = count(lowest, highest);
        if (count == 0 || guesses <= 0) {
            return -1;
        }
        if (count == 1) {
            return trimUp(lowest);
        }
        int[] order = orderedGuesses(lowest, highest, last);
        for (int guess : order) {
            if (guess < 0) {
                break;
            }
            if (settlesAfter(lowest, highest, last, guess, guesses)) {
                return guess;
            }
        }
        return -1;
    }

    /**
     * Whether the candidates of [lowest, highest] (both candidates, or the interval empty) settle
     * within {@code guesses} guesses when the last guess was {@code last}.
     */
    private boolean settles(int lowest, int highest, int last, int guesses) {
        if (lowest > highest) {
            return true;
        }
        int count = count(lowest, highest);
        if (guesses == 0) {
            return false;
        }
        if (count == 1) {
            return true;
        }
        if (guesses == 1 || count > MOST_WITH_LAST[guesses]) {
            return false;
        }
        if (count == 2) {
            return true; // one, then the other
        }
        Key key = key(lowest, highest, last);
        Short known = memo.get(key);
        int mostFailing = known == null ? 0 : known & 0xff;
        int fewestSettling = known == null ? Integer.MAX_VALUE : known >>> 8;
        if (guesses <= mostFailing) {
            return false;
        }
        if (guesses >= fewestSettling) {
            return true;
        }
        positions++;
        boolean settles = false;
        for (int guess : orderedGuesses(lowest, highest, last)) {
            if (guess < 0) {
                break;
            }
            if (settlesAfter(lowest, highest, last, guess, guesses)) {
                settles = true;
                break;
            }
        }
        if (settles) {
            fewestSettling = Math.min(fewestSettling, guesses);
        } else {
            mostFailing = Math.max(mostFailing, guesses);
        }
        memo.put(key, (short) (mostFailing | Math.min(fewestSettling, 255) << 8));
        return settles;
    }

    /** Whether making {@code guess} next leaves parts that each settle with one guess fewer. */
    private boolean settlesAfter(int lowest, int highest, int last, int guess, int guesses) {
        int after = guesses - 1;
        int twiceMidpoint = guess + last;
        int lastBelow = (twiceMidpoint - 1) >> 1; // the largest s with 2s < guess + last
        int firstAbove = (twiceMidpoint >> 1) + 1; // the smallest s with 2s > guess + last
        set(guess);
        try {
            int belowLow = trimUp(lowest);
            int belowHigh = trimDown(Math.min(highest, lastBelow));
            int aboveLow = trimUp(Math.max(lowest, firstAbove));
            int aboveHigh = trimDown(highest);
            int below = belowLow <= belowHigh ? count(belowLow, belowHigh) : 0;
            int above = aboveLow <= aboveHigh ? count(aboveLow, aboveHigh) : 0;
            if (below > MOST_WITH_LAST[after] || above > MOST_WITH_LAST[after]) {
                return false;
            }
            // The Same part is one number at most, which one more guess finds.
            if (after == 0 && (below > 0 || above > 0 || hasSame(lowest, highest, twiceMidpoint))) {
                return false;
            }
            if (below >= above) {
                return settles(belowLow, belowHigh, guess, after) && settles(aboveLow, aboveHigh, guess, after);
            }
            return settles(aboveLow, aboveHigh, guess, after) && settles(belowLow, belowHigh, guess, after);
        } finally {
            clear(guess);
        }
    }

    private boolean hasSame(int lowest, int highest, int twiceMidpoint) {
        if ((twiceMidpoint & 1) != 0) {
            return false;
        }
        int midpoint = twiceMidpoint >> 1;
        return midpoint >= lowest && midpoint <= highest && !isSet(midpoint);
    }

    /**
     * The fresh guesses worth trying, the one whose largest part is smallest first, ending with -1
     * if fewer than the array's length. Candidates come before other numbers at equal parts.
     */
    private int[] orderedGuesses(int lowest, int highest, int last) {
        long[] ranked = new long[size];
        int n = 0;
        for (int guess = 0; guess < size; guess++) {
            if (isSet(guess) || guess == last) {
                continue;
            }
            int twiceMidpoint = guess + last;
            int lastBelow = Math.min(highest, (twiceMidpoint - 1) >> 1);
            int firstAbove = Math.max(lowest, (twiceMidpoint >> 1) + 1);
            boolean candidate = guess >= lowest && guess <= highest;
            int below = lastBelow >= lowest ? count(lowest, lastBelow) : 0;
            int above = firstAbove <= highest ? count(firstAbove, highest) : 0;
            if (candidate) {
                if (guess <= lastBelow) {
                    below--;
                } else if (guess >= firstAbove) {
                    above--;
                }
            }
            int largest = Math.max(below, above);
            int distance = Math.abs(2 * guess - lowest - highest);
            ranked[n++] = (long) largest << 40 | (long) (candidate ? 0 : 1) << 32 | (long) distance << 12 | guess;
        }
        Arrays.sort(ranked, 0, n);
        int[] order = new int[size];
        for (int index = 0; index < size; index++) {
            order[index] = index < n ? (int) (ranked[index] & 0xfff) : -1;
        }
        return order;
    }

    private Key key(int lowest, int highest, int last) {
        long[] g = guessed;
        Key plain = new Key(lowest | (long) highest << 10 | (long) last << 20, g[0], g[1], g[2], g[3]);
        mirror();
        long[] m = mirrored;
        int top = size - 1;
        Key flipped = new Key((top - highest) | (long) (top - lowest) << 10 | (long) (top - last) << 20,
                m[0], m[1], m[2], m[3]);
        return plain.compareTo(flipped) <= 0 ? plain : flipped;
    }

    /** Fills {@link #mirrored} with the guessed numbers under x -> size - 1 - x. */
    private void mirror() {
        Arrays.fill(mirrored, 0);
        for (int word = 0; word < WORDS; word++) {
            long bits = guessed[word];
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int image = size - 1 - (word * 64 + bit);
                mirrored[image >>> 6] |= 1L << image;
            }
        }
    }

    /** A position's identity: the interval and last guess packed, and the guessed numbers. */
    private record Key(long packed, long g0, long g1, long g2, long g3) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int c = Long.compare(packed, other.packed);
            if (c == 0) c = Long.compare(g0, other.g0);
            if (c == 0) c = Long.compare(g1, other.g1);
            if (c == 0) c = Long.compare(g2, other.g2);
            if (c == 0) c = Long.compare(g3, other.g3);
            return c;
        }
    }

    /** How many numbers of [from, to] were not guessed; from &lt;= to. */
    private int count(int from, int to) {
        int guessedInside = 0;
        int fromWord = from >>> 6;
        int toWord = to >>> 6;
        for (int word = fromWord; word <= toWord; word++) {
            long bits = guessed[word];
            if (word == fromWord) {
                bits &= -1L << from;
            }
            if (word == toWord) {
                bits &= -1L >>> (63 - (to & 63));
            }
            guessedInside += Long.bitCount(bits);
        }
        return to - from + 1 - guessedInside;
    }

    /** The smallest number from {@code from} on not guessed (may pass the range's end). */
    private int trimUp(int from) {
        while (from < size && isSet(from)) {
            from++;
        }
        return from;
    }

    /** The largest number from {@code to} down not guessed (may be -1). */
    private int trimDown(int to) {
        while (to >= 0 && isSet(to)) {
            to--;
        }
        return to;
    }

    private boolean isSet(int number) {
        return (guessed[number >>> 6] & 1L << number) != 0;
    }

    private void set(int number) {
        guessed[number >>> 6] |= 1L << number;
    }

    private void clear(int number) {
        guessed[number >>> 6] &= ~(1L << number);
    }
}
