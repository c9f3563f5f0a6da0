package dev.hotcold.core.engine;

import static dev.hotcold.core.engine.Offsets.below;

import dev.hotcold.core.protocol.Decision;
import java.util.NoSuchElementException;

/**
 * One game of the hot/cold strategy: it narrows the candidates with every report and places each
 * guess so that the next report splits them.
 *
 * <h2>What a report says</h2>
 *
 * A report on a guess compares it with the guess made just before. Warmer says the secret is
 * strictly nearer the new guess, so on its side of the midpoint between the two; Colder says it is
 * on the earlier guess's side; Same says it is the midpoint itself, which needs the two guesses to
 * be an even distance apart. The numbers consistent with every report so far therefore form one
 * interval, less the numbers already guessed. The game keeps that interval and nothing else about
 * the reports.
 *
 * <h2>Choosing a guess</h2>
 *
 * On ranges of up to {@value OptimalBook#MAX_SIZE} numbers the game follows the
 * {@link OptimalBook} while every guess gets an informative report, and so makes no more guesses
 * than the optimum; a report the book has no answer for (a lie, an Unsure after the first guess, a
 * guess left unreported) hands the game to the rules below for good. Otherwise the first guess is
 * the middle of the range. Once at most {@value EndgameSearch#MOST_CANDIDATES}
 * candidates are left, or on ranges of at most {@value EndgameSearch#MOST_OPENING_NUMBERS}
 * numbers from the first guess on, the {@link EndgameSearch} picks the guess; otherwise the
 * {@link SplitRule} does, and its guess moves, if needed, to the nearest number not guessed yet.
 *
 * <h2>Memory, repeats and lying clients</h2>
 *
 * A game holds the range, the candidate interval, its last two guesses and the sorted list of its
 * guesses ({@link GuessList}), which it needs to avoid repeats. An honest game makes about
 * log<sub>2</sub> n guesses; the list is capped at {@link #rememberLimit(long)} entries. The
 * search carries on as long as some candidate is left and the list has room. Reports that
 * contradict each other leave no candidate; an Unsure after the first guess, or a second NUMBER
 * without a REPORT, tells nothing, and a client that keeps doing that fills the list. Either way,
 * and also when a NUMBER follows a Correct, the game then sweeps the range in order, skipping the
 * listed guesses. Every earlier guess is on the list, so no number is ever guessed twice, and
 * {@link #hasNext()} turns false only once every number of the range has been guessed.
 *
 * <p>Positions are unsigned offsets from the lower bound (see {@link Offsets}), so the whole
 * {@code long} range needs no wider arithmetic. Not thread-safe: a game belongs to one connection.
 * One object can play one game after another ({@link #restart}), so that a connection's games
 * allocate nothing once the first has made the list of guesses.
 */
final class HotColdGuesser implements Guesser {
    private long lower;
    /** The largest offset, upper - lower, unsigned: the whole {@code long} range has -1L. */
    private long rangeEnd;
    /** Every guess made while searching; all guesses of the game until the sweep starts. */
    private final GuessList guesses;
    /** The optimal strategy tree for ranges it covers, or null. */
    private OptimalBook book;
    /** The book's node for the next guess, or -1 once the game has left the book (or has none). */
    private int bookNode;

    /** Guesses made so far, unsigned. */
    private long guessCount;
    private long latestGuess;
    private long previousGuess;
    /** Whether {@link #latestGuess} still waits for its report. */
    private boolean awaitingReport;
    /** A guess was reported Correct: the game is over. */
    private boolean solved;

    /** The candidates while searching: the untried offsets of [lowest, highest], both untried. */
    private long lowestCandidate;
    private long highestCandidate;

    /** Set once the search is given up: guesses then come from an in-order sweep. */
    private boolean sweeping;
    /** The sweep's next offset to consider, and its place in the sorted list of guesses. */
    private long sweepCursor;
    private int sweepListIndex;

    /** A game on [lower, lower + rangeEnd], rangeEnd read unsigned. */
    HotColdGuesser(long lower, long rangeEnd) {
        this.guesses = new GuessList(lower, rememberLimit(rangeEnd));
        startOver(lower, rangeEnd);
    }

    /** Plays a new game in this object, whatever the last one came to; see {@link #startOver}. */
    @Override
    public boolean restart(long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        startOver(lower, upper - lower);
        return true;
    }

    /**
     * Starts a new game on [lower, lower + rangeEnd] in this object, as a new one would, whatever
     * the last game came to: its guesses are forgotten, the list's array is kept.
     */
    private void startOver(long lower, long rangeEnd) {
        this.lower = lower;
        this.rangeEnd = rangeEnd;
        guesses.reset(lower, rememberLimit(rangeEnd));
        boolean covered = Long.compareUnsigned(rangeEnd, OptimalBook.MAX_SIZE - 1) <= 0;
        this.book = covered ? OptimalBook.of((int) rangeEnd + 1) : null;
        this.bookNode = covered ? OptimalBook.root() : -1;
        this.guessCount = 0;
        this.latestGuess = 0;
        this.previousGuess = 0;
        this.awaitingReport = false;
        this.solved = false;
        this.lowestCandidate = 0;
        this.highestCandidate = rangeEnd;
        this.sweeping = false;
        this.sweepCursor = 0;
        this.sweepListIndex = 0;
    }

    /**
     * The most guesses a game on the range [0, rangeEnd] remembers: 2 &times; bits(rangeEnd) + 8,
     * so 16 for ten numbers and 136 for the whole {@code long} range. Honest games make about half
     * as many.
     */
    static int rememberLimit(long rangeEnd) {
        return 2 * (Long.SIZE - Long.numberOfLeadingZeros(rangeEnd)) + 8;
    }

    /** How many guesses the game remembers: for tests of the memory bound. */
    int rememberedGuesses() {
        return guesses.size();
    }

    /** Whether the game gave up searching and sweeps the range: for tests. */
    boolean sweeping() {
        return sweeping;
    }

    @Override
    public boolean hasNext() {
        // guessCount <= rangeEnd is guessCount < size, also when the size is 2^64.
        return Long.compareUnsigned(guessCount, rangeEnd) <= 0;
    }

    @Override
    public long next() {
        if (!hasNext()) {
            throw new NoSuchElementException("every number of the range was guessed");
        }
        if (!sweeping && (solved || guesses.isFull())) {
            startSweep();
        }
        if (awaitingReport) {
            bookNode = -1; // a guess went unreported: the book no longer knows where the game is
        }
        long guess;
        if (sweeping) {
            guess = nextInSweep();
        } else {
            guess = searchGuess();
            guesses.add(guess);
            trimCandidates();
        }
        guessCount++;
        previousGuess = latestGuess;
        latestGuess = guess;
        awaitingReport = true;
        return lower + guess;
    }

    @Override
    public void onReport(Decision decision) {
        if (!awaitingReport || decision == null) {
            return;
        }
        awaitingReport = false;
        if (bookNode >= 0) {
            bookNode = book.next(bookNode, decision);
        }
        if (sweeping || solved) {
            return;
        }
        switch (decision) {
            case CORRECT -> solved = true;
            // Honest clients say Unsure only on the first guess; either way it tells nothing.
            case UNSURE -> { }
            case WARMER, COLDER, SAME -> {
                if (guessCount > 1) { // a report compares the latest guess with the one before
                    narrow(decision);
                }
            }
        }
    }

    /** Keeps the candidates that {@code decision} on the latest guess after the previous allows. */
    private void narrow(Decision decision) {
        boolean upward = below(previousGuess, latestGuess);
        long lowerGuess = upward ? previousGuess : latestGuess;
        long apart = upward ? latestGuess - previousGuess : previousGuess - latestGuess;
        long halfApart = apart >>> 1;
        boolean wholeMidpoint = (apart & 1) == 0;
        // Below the midpoint means at most lowerGuess + halfApart - 1 if the midpoint is a whole
        // number, at most lowerGuess + halfApart if it lies halfway between two.
        long lastBelowMidpoint = wholeMidpoint ? lowerGuess + halfApart - 1 : lowerGuess + halfApart;
        long firstAboveMidpoint = lowerGuess + halfApart + 1;
        switch (decision) {
            case SAME -> {
                if (wholeMidpoint) {
                    keepCandidatesIn(lowerGuess + halfApart, lowerGuess + halfApart);
                } else {
                    startSweep(); // no number lies at the midpoint: the report is a lie
                }
            }
            case WARMER -> {
                if (upward) {
                    keepCandidatesIn(firstAboveMidpoint, rangeEnd);
                } else {
                    keepCandidatesIn(0, lastBelowMidpoint);
                }
            }
            case COLDER -> {
                if (upward) {
                    keepCandidatesIn(0, lastBelowMidpoint);
                } else {
                    keepCandidatesIn(firstAboveMidpoint, rangeEnd);
                }
            }
            default -> throw new AssertionError(decision);
        }
    }

    private void keepCandidatesIn(long from, long to) {
        if (below(lowestCandidate, from)) {
            lowestCandidate = from;
        }
        if (below(to, highestCandidate)) {
            highestCandidate = to;
        }
        if (below(highestCandidate, lowestCandidate)) {
            startSweep();
        } else {
            trimCandidates();
        }
    }

    /** Moves the ends of the candidates inwards past guessed numbers; gives up when none is left. */
    private void trimCandidates() {
        if (sweeping) {
            return;
        }
        while (guesses.contains(lowestCandidate)) {
            if (lowestCandidate == highestCandidate) {
                startSweep();
                return;
            }
            lowestCandidate++;
        }
        while (guesses.contains(highestCandidate)) {
            highestCandidate--;
        }
    }

    /**
     * Gives up the search, because no candidate is left (the reports contradict each other), the
     * list of guesses is full, or the game is solved: guesses come from an in-order sweep.
     */
    private void startSweep() {
        sweeping = true;
        sweepCursor = 0;
        sweepListIndex = 0;
    }

    /** The smallest offset not guessed yet; the sweep only moves up, so it never repeats itself. */
    private long nextInSweep() {
        long cursor = sweepCursor;
        while (sweepListIndex < guesses.size() && below(guesses.offset(sweepListIndex), cursor)) {
            sweepListIndex++;
        }
        while (sweepListIndex < guesses.size() && guesses.offset(sweepListIndex) == cursor) {
            sweepListIndex++;
            cursor++;
        }
        sweepCursor = cursor + 1;
        return cursor;
    }

    /** How many candidates are left, or Long.MAX_VALUE when there are very many. */
    private long candidateCount() {
        long span = highestCandidate - lowestCandidate;
        if (below(1L << 40, span)) {
            return Long.MAX_VALUE;
        }
        return span + 1 - guesses.countBetween(lowestCandidate, highestCandidate);
    }

    private long searchGuess() {
        if (bookNode >= 0) {
            return book.guess(bookNode);
        }
        boolean smallRange = Long.compareUnsigned(rangeEnd, EndgameSearch.MOST_OPENING_NUMBERS - 1) <= 0;
        if (guessCount == 0) {
            return smallRange ? endgame().openingGuess() : rangeEnd >>> 1;
        }
        long count = candidateCount();
        if (count == 1) {
            return lowestCandidate;
        }
        if (count <= EndgameSearch.MOST_CANDIDATES || smallRange) {
            EndgameSearch search = endgame();
            if (search.findBestGuess(lowestCandidate, (int) count, latestGuess)) {
                return search.bestGuess();
            }
        }
        return nearestUntried(SplitRule.nextGuess(rangeEnd, lowestCandidate, highestCandidate, latestGuess));
    }

    /** The thread's search, set for this game: fetched for every call, as a game may move between threads. */
    private EndgameSearch endgame() {
        return EndgameSearch.forGame(guesses, rangeEnd);
    }

    /** The untried offset nearest to {@code target}, looking above first at equal distance. */
    private long nearestUntried(long target) {
        for (long step = 0; ; step++) {
            boolean inRange = false;
            if (!below(rangeEnd - target, step)) { // target + step <= rangeEnd
                inRange = true;
                if (!guesses.contains(target + step)) {
                    return target + step;
                }
            }
            if (!below(target, step)) { // target - step >= 0
                inRange = true;
                if (!guesses.contains(target - step)) {
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
