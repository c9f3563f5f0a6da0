package dev.hotcold.core.engine;

import dev.hotcold.core.protocol.Decision;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A strategy tree that settles a range of n numbers in the fewest guesses any strategy can, for
 * n up to {@value #MAX_SIZE}: the hot/cold strategy follows it while the reports are honest.
 *
 * <p>Each node is a guess and, per report, the node to play next: Unsure after the first guess,
 * then Warmer, Colder or Same. A report with no node (a part with no secret in it) can only come
 * from a client that lies or says nothing; the game then leaves the book for good. The trees come
 * from the exact {@link GameTreeSearch}, run once per size when a game on that size first asks
 * and kept for the life of the class: at most a few hundred nodes per size, a few kilobytes.
 * Building the largest took well under a second on the machine that measured it (BENCHMARKS.md);
 * every guess after that is an array lookup.
 *
 * <p>Positions are offsets from the range's lower bound. Immutable once built and thread-safe.
 */
final class OptimalBook {
    /**
     * The most numbers k guesses settle, for k = 0 to 8, the Correct guess included: the exact
     * search's figures, which {@code benchmarks/results/optimum.txt} lists with the command that
     * computes them again.
     */
    static final int[] MOST_SETTLED = {0, 1, 2, 5, 10, 20, 35, 67, 123};

    /** The largest range the book covers: what 8 guesses settle. */
    static final int MAX_SIZE = 123;

    /**
     * For each size from 1 to {@value #MAX_SIZE}, the first guess the book opens with: of those
     * that lead to the optimum, the one nearest the middle. The search finds them too, but proving
     * a central guess wrong first costs it seconds on the largest sizes; with the opening given, a
     * book builds in milliseconds.
     */
    private static final int[] FIRST_GUESSES = {0, 0, 0, 1, 1, 3, 2, 3, 3, 5, 2, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
            10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23,
            23, 24, 24, 25, 25, 26, 26, 27, 27, 28, 28, 29, 29, 30, 30, 31, 31, 32, 32, 34, 33, 34, 34, 35, 35, 36,
            36, 37, 37, 38, 38, 39, 39, 40, 40, 41, 41, 42, 42, 43, 43, 44, 44, 45, 45, 46, 46, 47, 47, 48, 48, 49,
            49, 50, 50, 51, 51, 52, 52, 53, 53, 54, 54, 55, 55, 56, 56, 57, 57, 58, 58, 59, 59, 61, 58, 65};

    /** The slot of a report among a node's children. */
    private static final int WARMER = 0;
    private static final int COLDER = 1;
    private static final int SAME = 2;
    /** The first guess's only informative report shares Warmer's slot. */
    private static final int UNSURE = WARMER;

    private static final AtomicReferenceArray<OptimalBook> BOOKS = new AtomicReferenceArray<>(MAX_SIZE + 1);

    private final int[] guesses;
    /** Three slots per node, by report; -1 where no secret is left. */
    private final int[] children;

    private OptimalBook(int[] guesses, int[] children) {
        this.guesses = guesses;
        this.children = children;
    }

    /**
     * The fewest guesses that settle a range of {@code size} numbers, from the exact search's
     * table.
     *
     * @param size from 1 to {@value #MAX_SIZE}
     */
    static int optimum(long size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size + " outside [1, " + MAX_SIZE + "]");
        }
        int guesses = 1;
        while (MOST_SETTLED[guesses] < size) {
            guesses++;
        }
        return guesses;
    }

    /** The book for a range of {@code size} numbers, from 1 to {@value #MAX_SIZE}; built on first use. */
    static OptimalBook of(int size) {
        OptimalBook book = BOOKS.get(size);
        if (book == null) {
            book = build(size);
            // Two threads may build it at once; both books are equal, one is kept.
            if (!BOOKS.compareAndSet(size, null, book)) {
                book = BOOKS.get(size);
            }
        }
        return book;
    }

    /** The node to play first. */
    static int root() {
        return 0;
    }

    /** The first guess the book opens with on a range of {@code size} numbers: for tests. */
    static int openingHint(int size) {
        return FIRST_GUESSES[size];
    }

    /** How many nodes (guesses) the book holds. */
    int nodes() {
        return guesses.length;
    }

    /** The offset to guess at {@code node}. */
    int guess(int node) {
        return guesses[node];
    }

    /**
     * The node to play after {@code decision} on the guess of {@code node}, or -1 if the book has
     * none: the report is Correct, or a lie, or says nothing where it should say something.
     */
    int next(int node, Decision decision) {
        boolean first = node == root();
        int slot = switch (decision) {
            case UNSURE -> first ? UNSURE : -1;
            case WARMER -> first ? -1 : WARMER;
            case COLDER -> first ? -1 : COLDER;
            case SAME -> first ? -1 : SAME;
            case CORRECT -> -1;
        };
        return slot < 0 ? -1 : children[3 * node + slot];
    }

    private static OptimalBook build(int size) {
        Builder builder = new Builder(size);
        int guessesAllowed = optimum(size);
        int first = FIRST_GUESSES[size];
        long[] guessed = new long[GameTreeSearch.MAX_SIZE / 64];
        set(guessed, first);
        if (size > 1 && builder.search.bestGuess(guessed, 0, size - 1, first, guessesAllowed - 1) < 0) {
            first = builder.search.firstGuess(guessesAllowed); // the opening above is a mistake
            if (first < 0) {
                throw new IllegalStateException("no first guess settles " + size + " numbers in " + guessesAllowed);
            }
            guessed = new long[GameTreeSearch.MAX_SIZE / 64];
            set(guessed, first);
        }
        int root = builder.newNode(first);
        if (size > 1) {
            // Grows the arrays, so it must run before the slot is chosen.
            int afterUnsure = builder.node(guessed, 0, size - 1, first, guessesAllowed - 1);
            builder.children[3 * root + UNSURE] = afterUnsure;
        }
        return new OptimalBook(Arrays.copyOf(builder.guesses, builder.count),
                Arrays.copyOf(builder.children, 3 * builder.count));
    }

    /** Grows the tree depth first from the search's answers. */
    private static final class Builder {
        final GameTreeSearch search;
        int[] guesses = new int[64];
        int[] children = new int[3 * 64];
        int count;

        Builder(int size) {
            search = new GameTreeSearch(size);
        }

        int newNode(int guess) {
            if (count == guesses.length) {
                guesses = Arrays.copyOf(guesses, 2 * count);
                children = Arrays.copyOf(children, 6 * count);
            }
            guesses[count] = guess;
            Arrays.fill(children, 3 * count, 3 * count + 3, -1);
            return count++;
        }

        /**
         * The node for the candidates of [lowest, highest] not in {@code guessed}, after the guess
         * {@code last}, with {@code guessesLeft} guesses; -1 when no candidate is left.
         */
        int node(long[] guessed, int lowest, int highest, int last, int guessesLeft) {
            while (lowest <= highest && isSet(guessed, lowest)) {
                lowest++;
            }
            while (highest >= lowest && isSet(guessed, highest)) {
                highest--;
            }
            if (lowest > highest) {
                return -1;
            }
            int guess = search.bestGuess(guessed, lowest, highest, last, guessesLeft);
            if (guess < 0) {
                throw new IllegalStateException("the search found no guess for a position it settled");
            }
            int node = newNode(guess);
            long[] after = guessed.clone();
            set(after, guess);
            int twiceMidpoint = guess + last;
            int lastBelow = (twiceMidpoint - 1) >> 1;
            int firstAbove = (twiceMidpoint >> 1) + 1;
            // Warmer keeps the new guess's side of the midpoint, Colder the last guess's side.
            boolean upward = guess > last;
            int belowNode = node(after, lowest, Math.min(highest, lastBelow), guess, guessesLeft - 1);
            int aboveNode = node(after, Math.max(lowest, firstAbove), highest, guess, guessesLeft - 1);
            int sameNode = -1;
            if ((twiceMidpoint & 1) == 0) {
                int midpoint = twiceMidpoint >> 1;
                if (midpoint >= lowest && midpoint <= highest) {
                    sameNode = node(after, midpoint, midpoint, guess, guessesLeft - 1);
                }
            }
            children[3 * node + WARMER] = upward ? aboveNode : belowNode;
            children[3 * node + COLDER] = upward ? belowNode : aboveNode;
            children[3 * node + SAME] = sameNode;
            return node;
        }
    }

    private static boolean isSet(long[] bits, int number) {
        return (bits[number >>> 6] & 1L << number) != 0;
    }

    private static void set(long[] bits, int number) {
        bits[number >>> 6] |= 1L << number;
    }
}
