package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotColdStrategyTest {
    private final GuessStrategy strategy = GuessStrategy.hotCold();
    private final HotColdStrategyReferee referee = new HotColdStrategyReferee();

    @Test
    void factoryMakesTheHotColdStrategy() {
        assertInstanceOf(HotColdStrategy.class, strategy);
        assertEquals("hotcold", strategy.toString());
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> strategy.newGame(5, 4));
    }

    @Test
    void singleNumberIsGuessedAtOnceAndThenTheRangeIsExhausted() {
        Guesser guesser = strategy.newGame(7, 7);
        assertTrue(guesser.hasNext());
        assertEquals(7, guesser.next());
        guesser.onReport(Decision.CORRECT);
        assertFalse(guesser.hasNext());
        assertThrows(NoSuchElementException.class, guesser::next);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1", "2, 2", "3, 3", "4, 3", "5, 4", "8, 4", "9, 5", "16, 5", "100, 9", "1000, 12"
    })
    void smallRangesTakeAtMostTheMeasuredWorstCase(int n, int worst) {
        int measured = 0;
        for (int secret = 1; secret <= n; secret++) {
            measured = Math.max(measured, referee.play(strategy, 1, n, secret));
        }
        assertEquals(worst, measured);
    }

    @Test
    void firstGuessIsTheMiddleOfTheRange() {
        assertEquals(500_000, strategy.newGame(1, 1_000_000).next());
        assertEquals(-1, strategy.newGame(Long.MIN_VALUE, Long.MAX_VALUE).next());
        assertEquals(Long.MAX_VALUE - 1, strategy.newGame(Long.MAX_VALUE - 2, Long.MAX_VALUE).next());
    }

    @Test
    void secretsAtTheEndsOfEveryRangeUpTo200() {
        for (int n = 1; n <= 200; n++) {
            int bound = HotColdStrategyReferee.ceilLog2(n - 1) + 2;
            assertTrue(referee.play(strategy, 1, n, 1) <= bound, "n=" + n + " secret at the bottom");
            assertTrue(referee.play(strategy, 1, n, n) <= bound, "n=" + n + " secret at the top");
        }
    }

    @Test
    void wholeLongRange() {
        long[] secrets = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE,
            0x5eed_1234_5678_9abcL, -0x0123_4567_89ab_cdefL};
        for (long secret : secrets) {
            int guesses = referee.play(strategy, Long.MIN_VALUE, Long.MAX_VALUE, secret);
            assertTrue(guesses <= 64 + 2, "secret " + secret + ": " + guesses + " guesses");
        }
    }

    @Test
    void rangesPressedAgainstTheEndsOfLong() {
        long[][] ranges = {
            {Long.MAX_VALUE - 9, Long.MAX_VALUE}, {Long.MIN_VALUE, Long.MIN_VALUE + 9},
            {Long.MIN_VALUE, Long.MIN_VALUE + (1L << 62)}, {Long.MAX_VALUE - (1L << 62), Long.MAX_VALUE},
            {Long.MIN_VALUE, -1}, {0, Long.MAX_VALUE}, {-1, 0}, {Long.MIN_VALUE, Long.MAX_VALUE - 1},
        };
        for (long[] range : ranges) {
            long lower = range[0];
            long upper = range[1];
            int bound = HotColdStrategyReferee.ceilLog2(upper - lower) + 2;
            for (long secret : new long[] {lower, upper, lower + ((upper - lower) >>> 1), lower + ((upper - lower) >>> 3)}) {
                int guesses = referee.play(strategy, lower, upper, secret);
                assertTrue(guesses <= bound, "[" + lower + ", " + upper + "] secret " + secret);
            }
        }
    }

    @Test
    void anHonestGameRemembersFewGuesses() {
        Guesser guesser = strategy.newGame(Long.MIN_VALUE, Long.MAX_VALUE);
        Scorer scorer = new Scorer(0x0dd_ba11L);
        Decision decision;
        do {
            decision = scorer.score(guesser.next());
            guesser.onReport(decision);
        } while (decision != Decision.CORRECT);
        int remembered = ((HotColdStrategy.Game) guesser).rememberedGuesses();
        assertTrue(remembered <= 66, "remembers " + remembered);
        assertEquals(136, HotColdStrategy.rememberLimit(-1L));
    }

    @Test
    void sameGameSameGuesses() {
        assertEquals(guesses(strategy, 1, 1_000, 777), guesses(GuessStrategy.hotCold(), 1, 1_000, 777));
    }

    @Test
    void reportsWithoutAGuessAreIgnored() {
        Guesser guesser = strategy.newGame(1, 100);
        guesser.onReport(Decision.COLDER); // nothing to judge yet
        long first = guesser.next();
        guesser.onReport(Decision.UNSURE);
        guesser.onReport(Decision.SAME); // a second report on the same guess
        long second = guesser.next();
        assertNotEquals(first, second);
        assertEquals(guesses(strategy, 1, 100, 3).get(1), second, "the extra reports changed nothing");
    }

    @Test
    void afterCorrectFurtherGuessesAreStillFresh() {
        Guesser guesser = strategy.newGame(1, 10);
        List<Long> seen = new ArrayList<>();
        seen.add(guesser.next());
        guesser.onReport(Decision.CORRECT);
        while (guesser.hasNext()) {
            long guess = guesser.next();
            assertFalse(seen.contains(guess));
            seen.add(guess);
        }
        assertEquals(10, seen.size());
    }

    @Test
    void contradictionSwitchesToTheSweepAndCoversTheRest() {
        Guesser guesser = strategy.newGame(0, 15);
        guesser.next();
        guesser.onReport(Decision.UNSURE);
        guesser.next();
        guesser.onReport(Decision.WARMER);
        guesser.next();
        guesser.onReport(Decision.SAME); // an odd sum, or a midpoint already ruled out: impossible
        long remaining = 0;
        while (guesser.hasNext() && !((HotColdStrategy.Game) guesser).sweeping()) {
            guesser.next();
            guesser.onReport(Decision.SAME);
            remaining++;
        }
        assertTrue(((HotColdStrategy.Game) guesser).sweeping());
        assertTrue(remaining < 16);
    }

    @Test
    void oneStrategyServesManyGamesAtOnce() {
        List<Integer> sequential = IntStream.rangeClosed(1, 500)
                .mapToObj(secret -> new HotColdStrategyReferee().play(strategy, 1, 500, secret)).toList();
        List<Integer> parallel = IntStream.rangeClosed(1, 500).parallel()
                .mapToObj(secret -> new HotColdStrategyReferee().play(strategy, 1, 500, secret)).toList();
        assertEquals(sequential, parallel);
    }

    private static List<Long> guesses(GuessStrategy strategy, long lower, long upper, long secret) {
        Guesser guesser = strategy.newGame(lower, upper);
        Scorer scorer = new Scorer(secret);
        List<Long> guesses = new ArrayList<>();
        while (true) {
            long guess = guesser.next();
            guesses.add(guess);
            Decision decision = scorer.score(guess);
            if (decision == Decision.CORRECT) {
                return guesses;
            }
            guesser.onReport(decision);
        }
    }
}
