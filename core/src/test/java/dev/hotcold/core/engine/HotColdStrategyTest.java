package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.codec.LineFramer;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import dev.hotcold.core.session.ServerSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hot/cold strategy at the edges: tiny ranges, the ends of long, the session, odd reports. */
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

    /**
     * Up to 123 numbers the game follows the optimal book, so the worst case is the best possible
     * (1, 2, 5, 10, 20, 35, 67 and 123 numbers are the most that 1 to 8 guesses settle); above, the
     * measured values.
     */
    @ParameterizedTest
    @CsvSource({
        "1, 1", "2, 2", "3, 3", "4, 3", "5, 3", "6, 4", "7, 4", "8, 4", "9, 4", "10, 4",
        "11, 5", "16, 5", "20, 5", "21, 6", "100, 8", "123, 8", "124, 9", "1000, 12"
    })
    void worstCaseOnSmallRanges(int n, int worst) {
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
            long span = upper - lower;
            for (long secret : new long[] {lower, upper, lower + (span >>> 1), lower + (span >>> 3)}) {
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
        int remembered = ((HotColdGuesser) guesser).rememberedGuesses();
        assertTrue(remembered <= 66, "remembers " + remembered);
        assertEquals(136, HotColdGuesser.rememberLimit(-1L));
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
    void contradictionsEndTheSearchAndTheSweepCoversTheRest() {
        Guesser guesser = strategy.newGame(0, 15);
        HotColdGuesser game = (HotColdGuesser) guesser;
        List<Long> seen = new ArrayList<>();
        seen.add(guesser.next());
        guesser.onReport(Decision.UNSURE);
        // Same after Same: each leaves at most the one midpoint, and the next cannot keep it.
        while (!game.sweeping()) {
            seen.add(guesser.next());
            guesser.onReport(Decision.SAME);
        }
        assertTrue(seen.size() <= 4, "searched on for " + seen.size() + " guesses");
        while (guesser.hasNext()) {
            long guess = guesser.next();
            assertFalse(seen.contains(guess), "repeated " + guess);
            seen.add(guess);
        }
        assertEquals(16, seen.size());
    }

    @Test
    void oneStrategyServesManyGamesAtOnce() {
        List<Integer> sequential = IntStream.rangeClosed(1, 500)
                .mapToObj(secret -> new HotColdStrategyReferee().play(strategy, 1, 500, secret)).toList();
        List<Integer> parallel = IntStream.rangeClosed(1, 500).parallel()
                .mapToObj(secret -> new HotColdStrategyReferee().play(strategy, 1, 500, secret)).toList();
        assertEquals(sequential, parallel);
    }

    @Test
    void playsOverTheServerSessionAsTheSeedsClientWould() {
        ServerSession session = session();
        Scorer scorer = new Scorer(737);
        assertEquals("", exchange(session, "PARAMS 1 1000\n"));
        int guesses = 0;
        Decision decision;
        do {
            long guess = Long.parseLong(exchange(session, "NUMBER\n").strip());
            guesses++;
            decision = scorer.score(guess);
            assertEquals("", exchange(session, "REPORT " + decision.wireName() + "\n"));
        } while (decision != Decision.CORRECT);
        assertTrue(guesses <= 12, guesses + " guesses");
        assertEquals("737\n", exchange(session, "NUMBER\n"), "after Correct, NUMBER gets the secret");
    }

    @Test
    void lyingClientGetsRangeExhaustedOnlyAfterEveryNumber() {
        ServerSession session = session();
        exchange(session, "PARAMS 1 7\n");
        String[] afterEachGuess = {
            "REPORT Colder\n", "", "REPORT Same\n", "REPORT Warmer\n", "", "REPORT Same\n"
        };
        List<Long> seen = new ArrayList<>();
        String reply;
        while (!(reply = exchange(session, "NUMBER\n")).startsWith("ERROR")) {
            seen.add(Long.parseLong(reply.strip()));
            // Lies, and sometimes no report at all before the next NUMBER.
            exchange(session, afterEachGuess[seen.size() % afterEachGuess.length]);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), seen.stream().sorted().toList());
        assertEquals("ERROR range exhausted\n", reply);
    }

    private ServerSession session() {
        return new ServerSession(strategy, LineFramer.DEFAULT_MAX_LINE_LENGTH, false);
    }

    private static String exchange(ServerSession session, String input) {
        ByteBuffer in = ByteBuffer.wrap(input.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer out = ByteBuffer.allocate(4096);
        session.receive(in, out);
        return new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
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
