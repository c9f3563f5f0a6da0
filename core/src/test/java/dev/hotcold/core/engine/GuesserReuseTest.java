package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * A hot/cold guesser started over in place ({@link Guesser#restart})
 * plays exactly as a new one would, whatever its last game came to: won, cut short, swept after
 * lies, or run out of numbers; on small ranges (the exact search from the first guess), ranges
 * the book plays, large ranges and the whole {@code long} range.
 */
class GuesserReuseTest {
    private final GuessStrategy strategy = GuessStrategy.hotCold();

    @RepeatedTest(300)
    void aRestartedGuesserGuessesAsANewOneDoes(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        Guesser reused = strategy.newGame(-3, 40);
        for (int game = 0; game < 4; game++) {
            long[] range = range(random);
            boolean liar = random.nextInt(4) == 0;
            long size = range[1] - range[0] + 1;   // 0 for the whole range: any long is in it
            long secret = size == 0 ? random.nextLong() : range[0] + random.nextLong(size);
            assertTrue(reused.restart(range[0], range[1]), "a hot/cold guesser can always start over");
            Guesser fresh = strategy.newGame(range[0], range[1]);
            play(fresh, reused, secret, liar, random.split(), game + " " + range[0] + ".." + range[1]);
        }
    }

    /** Plays both guessers side by side on the same reports, for a random number of guesses. */
    private static void play(Guesser fresh, Guesser restarted, long secret, boolean liar, SplittableRandom random,
            String what) {
        Scorer scorer = new Scorer(secret);
        int guesses = 1 + random.nextInt(liar ? 80 : 140);
        Decision[] decisions = Decision.values();
        for (int i = 0; i < guesses; i++) {
            assertEquals(fresh.hasNext(), restarted.hasNext(), what);
            if (!fresh.hasNext()) {
                return;
            }
            long guess = fresh.next();
            assertEquals(guess, restarted.next(), what + ", guess " + i);
            Decision decision = liar ? decisions[random.nextInt(decisions.length)] : scorer.score(guess);
            if (random.nextInt(20) != 0) {   // now and then a guess goes unreported
                fresh.onReport(decision);
                restarted.onReport(decision);
            }
        }
    }

    private static long[] range(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> {
                long lower = random.nextLong(-20, 20);
                yield new long[] {lower, lower + random.nextInt(10)};                  // the search's openings
            }
            case 1 -> {
                long lower = random.nextLong(-1000, 1000);
                yield new long[] {lower, lower + random.nextInt(OptimalBook.MAX_SIZE)}; // the book
            }
            case 2 -> {
                long lower = random.nextLong(-1_000_000, 1_000_000);
                yield new long[] {lower, lower + random.nextLong(1, 1L << 40)};           // the split rule
            }
            case 3 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};                         // the whole range
            default -> new long[] {7, 7};                                                  // one number
        };
    }

    @Test
    void theRandomStrategysGuessersDoNotStartOver() {
        Guesser random = GuessStrategy.random(1).newGame(1, 10);
        assertFalse(random.restart(1, 10));
    }

    @Test
    void aRestartOnAnEmptyRangeIsRefusedAsANewGameIs() {
        Guesser guesser = strategy.newGame(1, 10);
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> guesser.restart(5, 1));
        assertEquals("lower bound 5 is above upper bound 1", failure.getMessage());
    }
}
