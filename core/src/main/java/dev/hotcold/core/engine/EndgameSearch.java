package dev.hotcold.core.engine;

import static dev.hotcold.core.engine.Offsets.below;
import static dev.hotcold.core.engine.Offsets.distance;

/**
 * An exact search for the last few candidates of a hot/cold game: the guess after which every
 * remaining secret is found within the fewest guesses. It is what lets a guess both be a candidate
 * and split the others, which the {@link SplitRule} does not try.
 *
 * <p>It looks only at the guesses that can matter: those in or near the candidates, and those whose
 * midpoint with the previous guess falls among them; never at a number already guessed, nor at one
 * planned earlier on the same line of play. It deepens one guess at a time from the fewest guesses
 * the count allows, up to two more than that, and stops after {@value #NODE_BUDGET} positions, so a
 * guess costs bounded time (in practice a search visits about a hundred positions); when it finds
 * nothing the split rule decides instead. Its scratch arrays hold a few hundred numbers, whatever the
 * range.
 *
 * <p>Its scratch arrays are reused: each thread has one search ({@link #forGame}), lent to a game
 * for one call, so a game allocates none of them (games on one event loop, or one connection's
 * games on its own thread, share it). A position of the search is a row of those arrays, by depth,
 * not an object, so a search allocates nothing at all. A call reads that game's {@link GuessList} and keeps no state
 * between calls; it calls no user code, so no call can begin inside another on the same thread.
 * All positions are unsigned offsets from the lower bound of the range (see {@link Offsets}).
 */
final class EndgameSearch {

    /** The game hands over to the search once at most this many candidates are left. */
    static final int MOST_CANDIDATES = 8;

    /** Ranges of at most this many numbers take their first guess from the search too. */
    static final int MOST_OPENING_NUMBERS = 10;

    /** The deepest line of play the search considers, in guesses. */
    private static final int MOST_GUESSES = 6;

    /** Positions visited per search before it gives up and leaves the guess to the split rule. */
    private static final int NODE_BUDGET = 4_000;

    /**
     * The most candidates that k more guesses can settle, for k = 0 to {@value #MOST_GUESSES}: a
     * guess is Correct, or Same leaves the one number at the midpoint, or Warmer or Colder keeps one
     * side, so k guesses settle at most 2 &times; (what k - 1 settle) + 2.
     */
    private static final int[] MOST_SETTLED = {0, 1, 4, 10, 22, 46, 94};

    /** The most candidates a position can hold: a game's endgame or an opening's range less one. */
    private static final int MOST_HELD = Math.max(MOST_CANDIDATES, MOST_OPENING_NUMBERS - 1);

    /** The parts a guess splits the candidates into, by the report each would give. */
    private static final int WARMER = 0;
    private static final int COLDER = 1;
    private static final int SAME = 2;

    /** This thread's search, lent to a game one call at a time. */
    private static final ThreadLocal<EndgameSearch> SCRATCH = ThreadLocal.withInitial(EndgameSearch::new);

    /** The game of the current call: its guesses so far and its range, [0, rangeEnd]. */
    private GuessList guesses;
    private long rangeEnd;
    /** Per depth, the candidates of each part the guess tried there splits off. */
    private final long[][][] parts = new long[MOST_GUESSES + 1][3][MOST_HELD];
    private final int[][] partSizes = new int[MOST_GUESSES + 1][3];
    /** The guesses of the line of play being tried, by depth; later guesses must not repeat them. */
    private final long[] plannedGuesses = new long[MOST_GUESSES + 1];
    private final long[] rootCandidates = new long[MOST_HELD];
    /*
     * The position at each depth of the line being tried: the secrets still possible (the first
     * count entries of an array of rootCandidates or parts, ascending), the guess made just
     * before it, and how many guesses may still be made, the Correct one included.
     */
    private final long[][] candidatesAt = new long[MOST_GUESSES + 1][];
    private final int[] countAt = new int[MOST_GUESSES + 1];
    private final long[] lastGuessAt = new long[MOST_GUESSES + 1];
    private final int[] guessesLeftAt = new int[MOST_GUESSES + 1];
    private int nodes;
    private long bestFirstGuess;

    private EndgameSearch() {}

    /**
     * This thread's search, set for a game on the range [0, rangeEnd] whose guesses so far are
     * {@code guesses} (read, never changed), for one call of {@link #bestGuess} or
     * {@link #openingGuess}.
     */
    static EndgameSearch forGame(GuessList guesses, long rangeEnd) {
        EndgameSearch search = SCRATCH.get();
        search.guesses = guesses;
        search.rangeEnd = rangeEnd;
        return search;
    }

    /**
     * Looks for the guess that settles every candidate in the fewest guesses, within its budget;
     * if it finds one, {@link #bestGuess()} is it.
     *
     * @param lowestCandidate the smallest candidate; the others are the next untried offsets above it
     * @param count how many candidates there are, from 2 to {@value #MOST_CANDIDATES} (or one less
     *     than the range's size, if that is more and at most {@value #MOST_OPENING_NUMBERS})
     * @param lastGuess the guess the next report will compare the next guess with
     * @return whether it found one
     */
    boolean findBestGuess(long lowestCandidate, int count, long lastGuess) {
        int collected = 0;
        for (long offset = lowestCandidate; collected < count; offset++) {
            if (!guesses.contains(offset)) {
                rootCandidates[collected++] = offset;
            }
        }
        int fewest = 1;
        while (MOST_SETTLED[fewest] < count) {
            fewest++;
        }
        nodes = 0;
        for (int allowed = fewest; allowed <= Math.min(fewest + 2, MOST_GUESSES); allowed++) {
            setPosition(0, rootCandidates, count, lastGuess, allowed);
            if (settles(0)) {
                return true;
            }
            if (nodes > NODE_BUDGET) {
                break;
            }
        }
        return false;
    }

    /** The guess the last {@link #findBestGuess} that returned {@code true} found. */
    long bestGuess() {
        return bestFirstGuess;
    }

    /**
     * The first guess of a game on a small range (at most {@value #MOST_OPENING_NUMBERS} numbers)
     * after which the fewest guesses settle every secret. Tried from the middle outwards, so among
     * equally good first guesses the most central wins.
     */
    long openingGuess() {
        int size = (int) rangeEnd + 1;
        for (int allowed = 1; allowed <= MOST_GUESSES; allowed++) {
            for (int tried = 0; tried < size; tried++) {
                // The middle, one below, one above, two below...
                long first = (size - 1) / 2 + ((tried & 1) == 0 ? tried / 2 : -(tried + 1) / 2);
                if (first < 0 || first >= size) {
                    continue;
                }
                int count = 0;
                for (long offset = 0; offset < size; offset++) {
                    if (offset != first) {
                        rootCandidates[count++] = offset;
                    }
                }
                nodes = 0;
                plannedGuesses[0] = first;
                setPosition(1, rootCandidates, count, first, allowed - 1);
                if (settles(1)) {
                    return first;
                }
            }
        }
        return rangeEnd >>> 1;
    }

    /** Makes the position at {@code depth} the one described; see {@link #candidatesAt}. */
    private void setPosition(int depth, long[] candidates, int count, long lastGuess, int guessesLeft) {
        candidatesAt[depth] = candidates;
        countAt[depth] = count;
        lastGuessAt[depth] = lastGuess;
        guessesLeftAt[depth] = guessesLeft;
    }

    /** Whether {@code offset} lies in [from, to]; never when to is below from. */
    private static boolean within(long offset, long from, long to) {
        return !below(offset, from) && !below(to, offset);
    }

    /** Whether the guesses left at the position at {@code depth} settle every candidate, whatever the reports say. */
    private boolean settles(int depth) {
        int count = countAt[depth];
        if (count == 0) {
            return true;
        }
        int guessesLeft = guessesLeftAt[depth];
        if (guessesLeft == 0 || count > MOST_SETTLED[guessesLeft] || ++nodes > NODE_BUDGET) {
            return false;
        }
        if (count == 1) {
            return true;
        }
        long lowest = candidatesAt[depth][0];
        long highest = candidatesAt[depth][count - 1];
        long span = highest - lowest;
        // Guesses among the candidates, and guesses close by that reposition for the next report.
        long nearFrom = subtractClamped(lowest, span + 2);
        long nearTo = addClamped(highest, span + 2);
        if (triesSettle(depth, nearFrom, nearTo, 1, 0)) {   // [1, 0]: nothing tried before
            return true;
        }
        // Guesses whose midpoint with the last guess falls within [lowest - 1/2, highest + 1/2]:
        // the candidates' ends reflected through the last guess.
        long lastGuess = lastGuessAt[depth];
        long splitFrom;
        long splitTo;
        if (!below(lowest, lastGuess)) { // the last guess lies below the candidates
            splitFrom = subtractClamped(addClamped(lowest, lowest - lastGuess), 1);
            splitTo = addClamped(addClamped(highest, highest - lastGuess), 1);
        } else if (below(highest, lastGuess)) { // the last guess lies above the candidates
            long back = lastGuess - highest;
            if (below(highest + 1, back)) {
                return false; // every such guess would lie below the range
            }
            // highest < rangeEnd here, so highest + 1 does not wrap.
            splitFrom = subtractClamped(subtractClamped(lowest, lastGuess - lowest), 1);
            splitTo = highest + 1 - back;
        } else { // the last guess is a hole among the candidates
            splitFrom = subtractClamped(subtractClamped(lowest, lastGuess - lowest), 1);
            splitTo = addClamped(addClamped(highest, highest - lastGuess), 1);
        }
        return triesSettle(depth, splitFrom, splitTo, nearFrom, nearTo);
    }

    /**
     * Whether some guess of [from, to], apart from those in [triedFrom, triedTo], settles the
     * position at {@code depth}; the first such guess is kept as the best first guess when at the
     * root. At least one guess is looked at, then the window ends the loop, or the node budget does.
     */
    private boolean triesSettle(int depth, long from, long to, long triedFrom, long triedTo) {
        for (long guess = from; ; guess++) {
            if (!within(guess, triedFrom, triedTo) && isFresh(guess, depth) && settlesAfter(depth, guess)) {
                if (depth == 0) {
                    bestFirstGuess = guess;
                }
                return true;
            }
            if (guess == to || nodes > NODE_BUDGET) {
                return false;
            }
        }
    }

    /** Whether {@code guess} was neither made in the game nor planned on the line being tried. */
    private boolean isFresh(long guess, int depth) {
        if (guess == lastGuessAt[depth] || guesses.contains(guess)) {
            return false;
        }
        for (int earlier = 0; earlier < depth; earlier++) {
            if (plannedGuesses[earlier] == guess) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether making {@code guess} at the position at {@code depth} settles every candidate within
     * its guesses left: each part the report can keep must be settled by one guess fewer.
     */
    private boolean settlesAfter(int depth, long guess) {
        long[][] split = parts[depth];
        int[] sizes = partSizes[depth];
        sizes[WARMER] = 0;
        sizes[COLDER] = 0;
        sizes[SAME] = 0;
        int guessesAfter = guessesLeftAt[depth] - 1;
        int mostPerPart = MOST_SETTLED[guessesAfter];
        long[] candidates = candidatesAt[depth];
        long lastGuess = lastGuessAt[depth];
        for (int index = 0; index < countAt[depth]; index++) {
            long secret = candidates[index];
            if (secret == guess) {
                continue; // Correct
            }
            int nearer = Long.compareUnsigned(distance(secret, guess), distance(secret, lastGuess));
            int part = nearer < 0 ? WARMER : nearer > 0 ? COLDER : SAME;
            split[part][sizes[part]++] = secret;
            if (sizes[part] > mostPerPart) {
                return false;
            }
        }
        plannedGuesses[depth] = guess;
        int next = depth + 1;
        setPosition(next, split[SAME], sizes[SAME], guess, guessesAfter);
        if (!settles(next)) {
            return false;
        }
        setPosition(next, split[WARMER], sizes[WARMER], guess, guessesAfter);
        if (!settles(next)) {
            return false;
        }
        setPosition(next, split[COLDER], sizes[COLDER], guess, guessesAfter);
        return settles(next);
    }

    /** offset + amount, or rangeEnd if that lies beyond the range (or wraps). */
    private long addClamped(long offset, long amount) {
        long sum = offset + amount;
        return below(sum, offset) || below(rangeEnd, sum) ? rangeEnd : sum;
    }

    /** offset - amount, or 0 if that lies below the range. */
    private static long subtractClamped(long offset, long amount) {
        return below(offset, amount) ? 0 : offset - amount;
    }
}
