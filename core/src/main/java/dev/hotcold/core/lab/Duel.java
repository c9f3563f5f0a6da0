package dev.hotcold.core.lab;

import dev.hotcold.core.boundary.UserCode;
import dev.hotcold.core.boundary.UserCodeFailure;
import dev.hotcold.core.engine.GuessHistory;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Adversary;
import dev.hotcold.core.scoring.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Plays a {@link GuessStrategy} in memory, without a server or a socket, and counts its guesses:
 * against the {@link Adversary}, against every secret of a range, or against secrets drawn at
 * random. Every guess is checked as a server's session checks a strategy's: in the range, never a
 * repeat, and a guess whenever one is due. A strategy that breaks a rule, or throws, ends the duel
 * with a {@link DuelFailure} naming the game. The strategy is called through
 * {@link UserCode}, as a server calls it.
 *
 * <pre>{@code
 * Duel duel = Duel.of(GuessStrategy.hotCold());
 * duel.againstAdversary(1, 1000).worst();          // 11: what the adversary forces
 * duel.everySecret(1, 1000).worst();               // 12: the true worst case
 * duel.againstSecrets(1, 1_000_000, 10_000, 42).mean();
 * }</pre>
 *
 * <p>Games are played one after the other on the calling thread. Immutable; a duel may be reused.
 */
public final class Duel {
    /** The most guesses a game may take unless {@link #withGuessLimit} says otherwise. */
    public static final int DEFAULT_GUESS_LIMIT = 1_000_000;

    private final GuessStrategy strategy;
    private final int guessLimit;

    private Duel(GuessStrategy strategy, int guessLimit) {
        this.strategy = strategy;
        this.guessLimit = guessLimit;
    }

    /**
     * A duel for {@code strategy}, each game limited to {@value #DEFAULT_GUESS_LIMIT} guesses.
     *
     * @param strategy the strategy to play
     * @return the duel
     */
    public static Duel of(GuessStrategy strategy) {
        if (strategy == null) {
            throw new NullPointerException("strategy");
        }
        return new Duel(strategy, DEFAULT_GUESS_LIMIT);
    }

    /**
     * The same duel with another limit on the guesses of one game; a game that reaches it fails.
     *
     * @param guessLimit the most guesses a game may take, at least 1
     * @return a duel with that limit
     */
    public Duel withGuessLimit(int guessLimit) {
        if (guessLimit < 1) {
            throw new IllegalArgumentException("guess limit must be positive, was " + guessLimit);
        }
        return new Duel(strategy, guessLimit);
    }

    /**
     * One game against the {@link Adversary}: a lower bound on the strategy's worst case on the
     * range, and for strategies that split the candidates evenly, the worst case itself.
     *
     * @param lower the smallest number of the range
     * @param upper the largest number of the range
     * @return one game's figures; its secret is the one the adversary settled on
     * @throws DuelFailure if the strategy breaks a rule of the game
     */
    public DuelResult againstAdversary(long lower, long upper) {
        checkRange(lower, upper);
        Adversary adversary = new Adversary(lower, upper);
        Tally tally = new Tally();
        long guesses = play(lower, upper, adversary::score, "the adversary", false);
        tally.add(guesses, adversary.secret().orElseThrow());
        return tally.result();
    }

    /**
     * A game for every secret of the range: the strategy's exact worst case. Takes as many games as
     * the range has numbers.
     *
     * @param lower the smallest number of the range
     * @param upper the largest number of the range, at most 10,000,000 numbers above {@code lower}
     * @return the figures of all games
     * @throws DuelFailure if the strategy breaks a rule of the game
     */
    public DuelResult everySecret(long lower, long upper) {
        checkRange(lower, upper);
        if (Long.compareUnsigned(upper - lower, 10_000_000) >= 0) {
            throw new IllegalArgumentException("[" + lower + ", " + upper + "] has too many secrets to try each");
        }
        Tally tally = new Tally();
        for (long secret = lower; ; secret++) {
            Scorer scorer = new Scorer(secret);
            tally.add(play(lower, upper, scorer::score, "secret " + secret, false), secret);
            if (secret == upper) {
                return tally.result();
            }
        }
    }

    /**
     * {@code games} games, each with a secret drawn uniformly from the range.
     *
     * @param lower the smallest number of the range
     * @param upper the largest number of the range
     * @param games how many games, at least 1
     * @param seed picks the secrets; the same seed draws the same ones
     * @return the figures of all games
     * @throws DuelFailure if the strategy breaks a rule of the game
     */
    public DuelResult againstSecrets(long lower, long upper, long games, long seed) {
        checkRange(lower, upper);
        if (games < 1) {
            throw new IllegalArgumentException("games must be positive, was " + games);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Tally tally = new Tally();
        for (long game = 0; game < games; game++) {
            long offset = upper - lower == -1L ? random.nextLong() : boundedUnsigned(random, upper - lower + 1);
            long secret = lower + offset;
            Scorer scorer = new Scorer(secret);
            tally.add(play(lower, upper, scorer::score, "secret " + secret, false), secret);
        }
        return tally.result();
    }

    /**
     * One game whose reports are drawn at random (Unsure, Warmer, Colder or Same, never Correct),
     * played until the strategy has no guess left: what a lying or broken client does. The strategy
     * must stay in the range, never repeat, and guess every number of the range before
     * {@link Guesser#hasNext()} turns false.
     *
     * @param lower the smallest number of the range
     * @param upper the largest number of the range, at most the duel's guess limit of numbers
     * @param seed picks the reports; the same seed draws the same ones
     * @return how many guesses the strategy made: the range's size
     * @throws DuelFailure if the strategy breaks a rule of the game, or stops before the range is
     *     exhausted
     */
    public long againstRandomReports(long lower, long upper, long seed) {
        checkRange(lower, upper);
        if (Long.compareUnsigned(upper - lower, guessLimit) >= 0) {
            throw new IllegalArgumentException("[" + lower + ", " + upper + "] has more numbers than the guess limit");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Decision[] reports = {Decision.UNSURE, Decision.WARMER, Decision.COLDER, Decision.SAME};
        long made = play(lower, upper, guess -> reports[random.nextInt(reports.length)], "random reports", true);
        if (made != upper - lower + 1) {
            throw new DuelFailure("random reports on [" + lower + ", " + upper + "]: hasNext() turned false after "
                    + made + " guesses, before every number was guessed", null);
        }
        return made;
    }

    /**
     * Plays one game against {@code judge} and returns how many guesses it took to a Correct, or,
     * {@code untilExhausted}, how many the strategy made before {@code hasNext()} turned false.
     */
    private long play(long lower, long upper, LongFunction<Decision> judge, String against, boolean untilExhausted) {
        GameLog log = new GameLog(lower, upper, against);
        Guesser guesser;
        try {
            guesser = UserCode.newGame(strategy, lower, upper);
        } catch (UserCodeFailure failure) {
            throw log.fail("the strategy threw", failure.getCause());
        }
        GuessHistory history = new GuessHistory(guessLimit);
        history.reset(lower, upper);
        long made = 0;
        while (true) {
            boolean more;
            long guess;
            try {
                more = UserCode.hasNext(guesser);
                if (!more) {
                    if (untilExhausted) {
                        return made;
                    }
                    throw log.fail("hasNext() is false before the secret was found", null);
                }
                guess = UserCode.next(guesser);
            } catch (UserCodeFailure failure) {
                throw log.fail("the guesser threw", failure.getCause());
            }
            made++;
            log.add(guess);
            if (guess < lower || guess > upper) {
                throw log.fail("guess " + guess + " is outside the range", null);
            }
            switch (history.add(guess)) {
                case ADDED -> { }
                case REPEATED -> throw log.fail("guess " + guess + " repeats an earlier one", null);
                case FULL -> throw log.fail("no Correct within the limit of " + guessLimit + " guesses", null);
            }
            Decision decision = judge.apply(guess);
            try {
                UserCode.onReport(guesser, decision);
            } catch (UserCodeFailure failure) {
                throw log.fail("the guesser threw", failure.getCause());
            }
            if (decision == Decision.CORRECT) {
                return made;
            }
        }
    }

    private static void checkRange(long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
    }

    /** A uniform draw from [0, bound), bound read unsigned and not 0. */
    private static long boundedUnsigned(SplittableRandom random, long bound) {
        if (bound > 0) {
            return random.nextLong(bound);
        }
        while (true) { // bound above 2^63: reject draws past it
            long draw = random.nextLong();
            if (Long.compareUnsigned(draw, bound) < 0) {
                return draw;
            }
        }
    }

    /** The last guesses of a game, for the failure's message. */
    private static final class GameLog {
        private static final int KEPT = 20;
        private final long lower;
        private final long upper;
        private final String against;
        private final List<Long> recent = new ArrayList<>();
        private long total;

        GameLog(long lower, long upper, String against) {
            this.lower = lower;
            this.upper = upper;
            this.against = against;
        }

        void add(long guess) {
            total++;
            if (recent.size() == KEPT) {
                recent.remove(0);
            }
            recent.add(guess);
        }

        DuelFailure fail(String what, Throwable cause) {
            String guesses = total > KEPT ? "last " + KEPT + " of " + total + " guesses " + recent : "guesses " + recent;
            return new DuelFailure("[" + lower + ", " + upper + "] against " + against + ": " + what + " ("
                    + guesses + ")", cause);
        }
    }

    /** Adds up the games. */
    private static final class Tally {
        private final Map<Long, Long> histogram = new TreeMap<>();
        private long games;
        private long worst;
        private long worstSecret;
        private long total;

        void add(long guesses, long secret) {
            games++;
            total += guesses;
            if (guesses > worst) {
                worst = guesses;
                worstSecret = secret;
            }
            histogram.merge(guesses, 1L, Long::sum);
        }

        DuelResult result() {
            return new DuelResult(games, worst, worstSecret, total, histogram);
        }
    }
}
