package dev.hotcold.core.engine;

import dev.hotcold.core.protocol.Decision;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The strategy that listens: a search that narrows the candidates with every report and finishes in
 * about log<sub>2</sub> n guesses, where the seed's random guessing takes about n / 2.
 *
 * <h2>What a report says</h2>
 *
 * A report on guess {@code g} compares it with the guess {@code p} made just before. Warmer says the
 * secret is strictly nearer {@code g}, so on {@code g}'s side of the midpoint (p + g) / 2; Colder
 * says it is on {@code p}'s side; Same says it is the midpoint itself, which needs p + g even. The
 * numbers consistent with every report so far therefore form one interval, minus the numbers already
 * guessed. The game keeps that interval and nothing else about the reports.
 *
 * <h2>Choosing a guess</h2>
 *
 * The guess decides where the next midpoint falls, so it decides how the next report splits the
 * candidates.
 *
 * <ul>
 *   <li><b>Reflection.</b> The basic move reflects {@code p} through the centre of the candidate
 *       interval, {@code g = lo + hi - p}: the midpoint is then the centre and either answer halves
 *       the candidates. Away from the ends of the range this is all there is to it.
 *   <li><b>Room.</b> The ends of the range are what make the game hard. After a Colder answer the
 *       next reflection lands about as far beyond {@code p} as the surviving part is long, so when
 *       {@code p} has little room behind it the part on {@code p}'s side (the Colder part) is made
 *       smaller: it gets (m + room) / 3 of the m candidates, a third when {@code p} sits at the end of
 *       the range and a half once the room reaches m / 2. When the reflection itself falls outside
 *       the range the guess goes to the far end of the range if that still splits off a quarter of
 *       the candidates, and otherwise to a candidate a third of the way in, which is the best place
 *       from which to start halving again. These proportions come from a numerical optimisation of
 *       the game in the limit of large ranges, where only ratios matter, and were settled by
 *       exhaustive runs over small ranges.
 *   <li><b>Endgame.</b> Once at most {@value #ENDGAME_CANDIDATES} candidates are left, a small
 *       exact search (a few guesses deep, over the handful of guesses that can matter) picks a guess
 *       that finishes in the fewest guesses for every remaining secret. It is what lets a guess both
 *       be a candidate and split the others.
 *   <li><b>First guess.</b> The middle of the range; on ranges of at most {@value
 *       #OPENING_NUMBERS} numbers the exact search plays the whole game.
 * </ul>
 *
 * <p>Every guess is then moved, if needed, to the nearest number not guessed yet.
 *
 * <h2>How many guesses</h2>
 *
 * Against a client that reports as the seed's does, exhaustive runs over every range size n up to
 * 2,000 (and scattered sizes up to 300,000) with every secret, and sampled runs on ranges up to
 * 2<sup>64</sup> numbers, never took more than ceil(log<sub>2</sub> n) + 2 guesses, the final Correct
 * one included, and took ceil(log<sub>2</sub> n) + 1 or fewer for about 45% of the sizes from 101
 * to 2,000 (the lower part of each octave); up to 10 numbers the worst case is the best possible.
 * ceil(log<sub>2</sub> n) + 1 cannot always be had: by an exhaustive search of the game tree, 8
 * guesses settle at most 123 numbers, so n = 124 to 128 need 9.
 *
 * <h2>Memory, repeats and lying clients</h2>
 *
 * A game holds the range, the candidate interval, its last two guesses and the sorted list of its
 * guesses, which it needs to avoid repeats. An honest game makes about log<sub>2</sub> n guesses;
 * the list is capped at 2 &times; bits(n) + 8 entries (136 for the whole {@code long} range). The
 * search carries on as long as some candidate is left and the list has room. Reports that contradict
 * each other leave no candidate; an Unsure after the first guess, or a second NUMBER without a
 * REPORT, tells nothing, and a client that keeps doing that fills the list. Either way, and also
 * when a NUMBER follows a Correct, the game then sweeps the range in order, skipping the listed
 * guesses. Every earlier guess is on the list, so no number is ever guessed twice, and
 * {@link Guesser#hasNext()} turns false only once every number of the range has been guessed.
 *
 * <p>All positions are unsigned offsets from the lower bound, so the whole signed 64-bit range, with
 * its 2<sup>64</sup> numbers, needs no wider arithmetic: midpoints are taken as {@code low + diff /
 * 2} and distances compared unsigned.
 *
 * <p>The strategy holds no state and is thread-safe; each game belongs to one connection.
 */
final class HotColdStrategy implements GuessStrategy {

    /** Candidate counts at or below this are finished by the exact endgame search. */
    static final int ENDGAME_CANDIDATES = 8;

    /** Ranges of at most this many numbers take their first guess from the exact search too. */
    static final int OPENING_NUMBERS = 10;

    @Override
    public Guesser newGame(long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        return new Game(lower, upper - lower);
    }

    @Override
    public String toString() {
        return "hotcold";
    }

    /**
     * The most guesses a game on last + 1 numbers remembers: 2 &times; bits(last) + 8, so 16 for ten
     * numbers and 136 for the whole {@code long} range. Honest games make about half as many.
     */
    static int rememberLimit(long last) {
        return 2 * (64 - Long.numberOfLeadingZeros(last)) + 8;
    }

    /** Unsigned a < b. */
    private static boolean below(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }

    /** |a - b| for unsigned a and b, exact: at most 2<sup>64</sup> - 1. */
    private static long distance(long a, long b) {
        return below(a, b) ? b - a : a - b;
    }

    /** One game: all positions are unsigned offsets from {@code lower}, from 0 to {@code last}. */
    static final class Game implements Guesser {
        private final long lower;
        /** The largest offset, upper - lower; unsigned, so the whole long range is -1L. */
        private final long last;
        /** Every guess made while searching; all guesses of the game until the sweep starts. */
        private final GuessList guessed;
        private Endgame endgame;

        /** Guesses made so far, unsigned. */
        private long made;
        /** The last guess and the one before it, as offsets. */
        private long latest;
        private long previous;
        /** Whether {@link #latest} still waits for its report. */
        private boolean awaitingReport;
        /** A guess was reported Correct: the game is over. */
        private boolean solved;

        /** The candidates while searching: the untried numbers of [lo, hi]; lo and hi are untried. */
        private long lo;
        private long hi;

        /** Set once the search is given up: guesses then come from an in-order sweep. */
        private boolean sweeping;
        private long sweepCursor;
        private int sweepIndex;

        Game(long lower, long last) {
            this.lower = lower;
            this.last = last;
            this.guessed = new GuessList(lower, rememberLimit(last));
            this.lo = 0;
            this.hi = last;
        }

        /** How many guesses the game remembers: for tests of the memory bound. */
        int rememberedGuesses() {
            return guessed.size();
        }

        /** Whether the game gave up searching and sweeps the range: for tests. */
        boolean sweeping() {
            return sweeping;
        }

        @Override
        public boolean hasNext() {
            // made <= last  <=>  made < size, also when the size is 2^64.
            return Long.compareUnsigned(made, last) <= 0;
        }

        @Override
        public long next() {
            if (!hasNext()) {
                throw new NoSuchElementException("every number of the range was guessed");
            }
            if (!sweeping && (solved || guessed.isFull())) {
                startSweep();
            }
            long guess;
            if (sweeping) {
                guess = sweepNext();
            } else {
                guess = searchGuess();
                guessed.add(guess);
                trim();
            }
            made++;
            previous = latest;
            latest = guess;
            awaitingReport = true;
            return lower + guess;
        }

        @Override
        public void onReport(Decision decision) {
            if (!awaitingReport || decision == null) {
                return;
            }
            awaitingReport = false;
            if (sweeping || solved) {
                return;
            }
            switch (decision) {
                case CORRECT -> solved = true;
                // Honest clients say Unsure only on the first guess; either way it tells nothing.
                case UNSURE -> { }
                case WARMER, COLDER, SAME -> {
                    if (made > 1) {   // a report compares the latest guess with the one before
                        narrow(decision);
                    }
                }
            }
        }

        /** Keeps the candidates that {@code decision} on latest after previous allows. */
        private void narrow(Decision decision) {
            long p = previous;
            long g = latest;
            boolean upward = below(p, g);
            long low = upward ? p : g;
            long diff = upward ? g - p : p - g;
            long half = diff >>> 1;
            boolean even = (diff & 1) == 0;
            // Below the midpoint: x <= low + half - 1 if it is a whole number, low + half otherwise.
            long lastBelow = even ? low + half - 1 : low + half;
            long firstAbove = low + half + 1;
            switch (decision) {
                case SAME -> {
                    if (even) {
                        intersect(low + half, low + half);
                    } else {
                        startSweep();
                    }
                }
                case WARMER -> {
                    if (upward) {
                        intersect(firstAbove, last);
                    } else {
                        intersect(0, lastBelow);
                    }
                }
                case COLDER -> {
                    if (upward) {
                        intersect(0, lastBelow);
                    } else {
                        intersect(firstAbove, last);
                    }
                }
                default -> throw new AssertionError(decision);
            }
        }

        private void intersect(long from, long to) {
            if (below(lo, from)) {
                lo = from;
            }
            if (below(to, hi)) {
                hi = to;
            }
            if (below(hi, lo)) {
                startSweep();
            } else {
                trim();
            }
        }

        /** Moves lo and hi inwards past guessed numbers; gives up when nothing is left. */
        private void trim() {
            if (sweeping) {
                return;
            }
            while (guessed.contains(lo)) {
                if (lo == hi) {
                    startSweep();
                    return;
                }
                lo++;
            }
            while (guessed.contains(hi)) {
                hi--;
            }
        }

        /**
         * Gives up the search, because no candidate is left (the reports contradict each other),
         * the list of guesses is full, or the game is solved: guesses come from an in-order sweep.
         */
        private void startSweep() {
            sweeping = true;
            sweepCursor = 0;
            sweepIndex = 0;
        }

        /** The smallest offset not guessed yet; the sweep only moves up, so it never repeats itself. */
        private long sweepNext() {
            long cursor = sweepCursor;
            while (sweepIndex < guessed.size() && below(guessed.offset(sweepIndex), cursor)) {
                sweepIndex++;
            }
            while (sweepIndex < guessed.size() && guessed.offset(sweepIndex) == cursor) {
                sweepIndex++;
                cursor++;
            }
            sweepCursor = cursor + 1;
            return cursor;
        }

        /** Number of candidates, or Long.MAX_VALUE when there are very many. */
        private long candidates() {
            long span = hi - lo;
            if (below(1L << 40, span)) {
                return Long.MAX_VALUE;
            }
            return span + 1 - guessed.countBetween(lo, hi);
        }

        private long searchGuess() {
            boolean small = Long.compareUnsigned(last, OPENING_NUMBERS - 1) <= 0;
            if (made == 0) {
                return small ? endgame().opening(this) : last >>> 1;
            }
            long count = candidates();
            if (count == 1) {
                return lo;
            }
            if ((count <= ENDGAME_CANDIDATES || small) && endgame().search(this, (int) count, latest)) {
                return endgame.bestGuess();
            }
            return nearestUntried(ruleGuess(latest));
        }

        private Endgame endgame() {
            if (endgame == null) {
                endgame = new Endgame();
            }
            return endgame;
        }

        /** The guess the splitting rules ask for after guess p (see the class comment). */
        private long ruleGuess(long p) {
            if (!below(p, lo) && !below(hi, p)) {
                // p is a guessed number inside the interval, so strictly inside: mirror it.
                long mirror = lo + (hi - p);
                return mirror == p ? p + 1 : mirror;
            }
            // Work as if p were below the interval; mirror the range when it is above.
            boolean flip = below(hi, p);
            long a = flip ? last - hi : lo;
            long b = flip ? last - lo : hi;
            long q = flip ? last - p : p;
            long gap = a - q;
            long roomBehind = q;
            long roomBeyond = last - b;
            long m = b - a + 1; // a > q >= 0, so no overflow
            long guess;
            if (!below(roomBeyond, gap)) {
                if (!below(roomBehind, m >>> 1)) {
                    guess = b + gap; // the exact reflection
                } else {
                    // The Colder part [a, a + c - 1] gets (m + roomBehind) / 3, rounded; summed
                    // by parts because m + roomBehind may not fit in 64 bits.
                    long remainders = Long.remainderUnsigned(m, 3) + Long.remainderUnsigned(roomBehind, 3);
                    long c = Long.divideUnsigned(m, 3) + Long.divideUnsigned(roomBehind, 3)
                            + (remainders + 1) / 3;
                    c = Math.max(1, Math.min(c, m >>> 1));
                    guess = a + (2 * c - 1) + gap; // midpoint a + c - 1/2; at most b + gap
                }
            } else {
                // The reflection leaves the range. The far end still splits off (m + roomBeyond - gap) / 2.
                long reach = m + roomBeyond; // = last - a + 1, no overflow as a >= 1
                long split = below(gap, reach) ? (reach - gap) >>> 1 : 0;
                if (split != 0 && !below(split, m >>> 2)) {
                    guess = last;
                } else {
                    guess = a + Long.divideUnsigned(m - 1, 3);
                }
            }
            return flip ? last - guess : guess;
        }

        /** The untried offset nearest to {@code target}, looking above first at equal distance. */
        private long nearestUntried(long target) {
            for (long step = 0; ; step++) {
                boolean inRange = false;
                if (!below(last - target, step)) { // target + step <= last
                    inRange = true;
                    if (!guessed.contains(target + step)) {
                        return target + step;
                    }
                }
                if (!below(target, step)) { // target - step >= 0
                    inRange = true;
                    if (!guessed.contains(target - step)) {
                        return target - step;
                    }
                }
                if (!inRange) {
                    // Unreachable: hasNext() promised an untried number.
                    throw new IllegalStateException("no untried number left");
                }
            }
        }
    }

    /**
     * The guesses of one game in ascending order, as absolute values (their signed order is the
     * unsigned order of their offsets), with a fixed capacity.
     */
    static final class GuessList {
        private final long lower;
        private final int capacity;
        private long[] values = new long[8];
        private int size;

        GuessList(long lower, int capacity) {
            this.lower = lower;
            this.capacity = capacity;
        }

        int size() {
            return size;
        }

        boolean isFull() {
            return size == capacity;
        }

        long offset(int index) {
            return values[index] - lower;
        }

        boolean contains(long offset) {
            return Arrays.binarySearch(values, 0, size, lower + offset) >= 0;
        }

        /** How many listed offsets lie in [from, to]. */
        int countBetween(long from, long to) {
            int start = Arrays.binarySearch(values, 0, size, lower + from);
            int end = Arrays.binarySearch(values, 0, size, lower + to);
            return (end >= 0 ? end + 1 : -end - 1) - (start >= 0 ? start : -start - 1);
        }

        void add(long offset) {
            long value = lower + offset;
            int at = Arrays.binarySearch(values, 0, size, value);
            if (at >= 0) {
                throw new IllegalStateException("guessed twice: " + value);
            }
            at = -at - 1;
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.min(capacity, 2 * size));
            }
            System.arraycopy(values, at, values, at + 1, size - at);
            values[at] = value;
            size++;
        }
    }

    /**
     * An exact search for the last few candidates: the guess after which every remaining secret is
     * found within the fewest guesses, looking at the guesses that can matter (those whose midpoint
     * with the previous guess falls among the candidates, and those in or near them) and never at a
     * number already guessed. Iterative deepening from the fewest guesses the count allows, at most
     * two more than that, with a node budget so that a guess always costs bounded time (in practice a
     * search visits at most about a hundred nodes); when the search finds nothing the splitting rules
     * decide instead. Its scratch arrays hold a few hundred numbers, whatever the range.
     */
    static final class Endgame {
        private static final int MAX_DEPTH = 6;
        private static final int NODE_BUDGET = 4_000;
        /** The most candidates that k guesses can settle at best: 1, 4, 10, 22, 46, 94. */
        private static final int[] CAPACITY = {0, 1, 4, 10, 22, 46, 94};

        private static final int MOST = Math.max(ENDGAME_CANDIDATES, OPENING_NUMBERS - 1);

        private final long[][][] children = new long[MAX_DEPTH + 1][3][MOST];
        private final int[][] childCounts = new int[MAX_DEPTH + 1][3];
        private final long[] path = new long[MAX_DEPTH + 1];
        private final long[] roots = new long[MOST];
        private Game game;
        private long last;
        private int nodes;
        private long bestFirst;

        /** Searches the game's candidates (count of them, at least 2) after guess previous. */
        boolean search(Game game, int count, long previous) {
            this.game = game;
            this.last = game.last;
            int n = 0;
            for (long x = game.lo; n < count; x++) {
                if (!game.guessed.contains(x)) {
                    roots[n++] = x;
                }
            }
            int fewest = 1;
            while (CAPACITY[fewest] < count) {
                fewest++;
            }
            nodes = 0;
            for (int k = fewest; k <= Math.min(fewest + 2, MAX_DEPTH); k++) {
                if (solve(0, roots, count, previous, k)) {
                    return true;
                }
                if (nodes > NODE_BUDGET) {
                    break;
                }
            }
            return false;
        }

        /**
         * The first guess of a small game (at most {@value HotColdStrategy#OPENING_NUMBERS}
         * numbers) after which the fewest guesses settle every secret; tried from the middle
         * outwards.
         */
        long opening(Game game) {
            this.game = game;
            this.last = game.last;
            int size = (int) game.last + 1;
            for (int k = 1; k <= MAX_DEPTH; k++) {
                for (int i = 0; i < size; i++) {
                    // middle, one below, one above, two below...
                    long first = (size - 1) / 2 + ((i & 1) == 0 ? i / 2 : -(i + 1) / 2);
                    if (first < 0 || first >= size) {
                        continue;
                    }
                    int count = 0;
                    for (long x = 0; x < size; x++) {
                        if (x != first) {
                            roots[count++] = x;
                        }
                    }
                    nodes = 0;
                    path[0] = first; // the later guesses must not repeat it
                    if (solve(1, roots, count, first, k - 1)) {
                        return first;
                    }
                }
            }
            return game.last >>> 1;
        }

        /** The first guess of the plan the last successful {@link #search} found. */
        long bestGuess() {
            return bestFirst;
        }

        /** Whether k guesses settle the candidates c[0, count) after guess p; depth = guesses so far. */
        private boolean solve(int depth, long[] c, int count, long p, int k) {
            if (count == 0) {
                return true;
            }
            if (k == 0 || count > CAPACITY[k] || ++nodes > NODE_BUDGET) {
                return false;
            }
            if (count == 1) {
                if (depth == 0) {
                    bestFirst = c[0];
                }
                return true;
            }
            long first = c[0];
            long end = c[count - 1];
            long span = end - first;
            // Near the candidates: guesses inside them and repositioning guesses close by.
            long nearFrom = subtractClamped(first, span + 2);
            long nearTo = addClamped(end, span + 2);
            if (tryRange(nearFrom, nearTo, depth, c, count, p, k, false, 0, 0)) {
                return true;
            }
            // Guesses whose midpoint with p falls within [first - 1/2, end + 1/2], reflected from p.
            long splitFrom;
            long splitTo;
            if (!below(first, p)) { // p below the candidates
                splitFrom = subtractClamped(addClamped(first, first - p), 1);
                splitTo = addClamped(addClamped(end, end - p), 1);
            } else if (below(end, p)) { // p above the candidates
                long back = p - end;
                if (below(end + 1, back)) {
                    return false; // every such guess would lie below the range
                }
                splitFrom = subtractClamped(subtractClamped(first, p - first), 1);
                splitTo = end + 1 - back; // end < last here, so end + 1 does not wrap
            } else { // p among the candidates (a guessed hole)
                splitFrom = subtractClamped(subtractClamped(first, p - first), 1);
                splitTo = addClamped(addClamped(end, end - p), 1);
            }
            return tryRange(splitFrom, splitTo, depth, c, count, p, k, true, nearFrom, nearTo);
        }

        /** Tries every guess in [from, to], except those in [skipFrom, skipTo] when {@code skip}. */
        private boolean tryRange(long from, long to, int depth, long[] c, int count, long p, int k,
                boolean skip, long skipFrom, long skipTo) {
            for (long g = from; ; g++) {
                boolean skipped = skip && !below(g, skipFrom) && !below(skipTo, g);
                if (!skipped && g != p && !onPath(g, depth) && !game.guessed.contains(g)
                        && settles(depth, c, count, p, g, k)) {
                    if (depth == 0) {
                        bestFirst = g;
                    }
                    return true;
                }
                if (g == to || nodes > NODE_BUDGET) {
                    return false;
                }
            }
        }

        private boolean onPath(long g, int depth) {
            for (int i = 0; i < depth; i++) {
                if (path[i] == g) {
                    return true;
                }
            }
            return false;
        }

        /** Whether guessing g after p settles the candidates within k guesses in every case. */
        private boolean settles(int depth, long[] c, int count, long p, long g, int k) {
            long[][] kids = children[depth];
            int[] sizes = childCounts[depth];
            sizes[0] = 0; // warmer
            sizes[1] = 0; // colder
            sizes[2] = 0; // same
            int limit = CAPACITY[k - 1];
            for (int i = 0; i < count; i++) {
                long x = c[i];
                if (x == g) {
                    continue;
                }
                int side = Long.compareUnsigned(distance(x, g), distance(x, p));
                int which = side < 0 ? 0 : side > 0 ? 1 : 2;
                kids[which][sizes[which]++] = x;
                if (sizes[which] > limit) {
                    return false;
                }
            }
            path[depth] = g;
            return solve(depth + 1, kids[2], sizes[2], g, k - 1)
                    && solve(depth + 1, kids[0], sizes[0], g, k - 1)
                    && solve(depth + 1, kids[1], sizes[1], g, k - 1);
        }

        private long addClamped(long x, long y) {
            long sum = x + y;
            return below(sum, x) || below(last, sum) ? last : sum;
        }

        private static long subtractClamped(long x, long y) {
            return below(x, y) ? 0 : x - y;
        }
    }
}
