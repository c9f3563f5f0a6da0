package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RandomStrategyTest {

    @Test
    void everyRangeUpTo2000IsGuessedCompletelyWithoutRepeats() {
        GuessStrategy strategy = GuessStrategy.random(2000);
        for (int size = 1; size <= 2000; size++) {
            long lower = size * 7L - 5000;
            Guesser guesser = strategy.newGame(lower, lower + size - 1);
            BitSet seen = new BitSet(size);
            for (int i = 0; i < size; i++) {
                assertTrue(guesser.hasNext());
                long guess = guesser.next();
                long offset = guess - lower;
                assertTrue(offset >= 0 && offset < size, "guess " + guess + " outside a range of " + size);
                assertFalse(seen.get((int) offset), "repeated " + guess + " in a range of " + size);
                seen.set((int) offset);
            }
            assertFalse(guesser.hasNext(), "range of " + size + " is exhausted");
            Guesser exhausted = guesser;
            assertThrows(NoSuchElementException.class, exhausted::next);
        }
    }

    @RepeatedTest(5)
    void hugeRangesIncludingTheWholeLongRangeStayInRangeAndDoNotRepeat(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        long[][] ranges = {
                {Long.MIN_VALUE, Long.MAX_VALUE},
                {Long.MIN_VALUE, Long.MIN_VALUE + 1_000_000_000_000L},
                {Long.MAX_VALUE - 12_345, Long.MAX_VALUE},
                {-1L << 62, 1L << 62},
                {random.nextLong(Long.MIN_VALUE, 0), random.nextLong(0, Long.MAX_VALUE)},
        };
        for (long[] range : ranges) {
            Guesser guesser = GuessStrategy.random(random.nextLong()).newGame(range[0], range[1]);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 50_000 && guesser.hasNext(); i++) {
                long guess = guesser.next();
                assertTrue(guess >= range[0] && guess <= range[1], guess + " outside " + range[0] + ".." + range[1]);
                assertTrue(seen.add(guess), "repeated " + guess);
            }
        }
    }

    @Test
    void theSameSeedReplaysTheSameGames() {
        GuessStrategy first = GuessStrategy.random(99);
        GuessStrategy second = GuessStrategy.random(99);
        for (int game = 0; game < 5; game++) {
            Guesser a = first.newGame(1, 1000);
            Guesser b = second.newGame(1, 1000);
            for (int i = 0; i < 1000; i++) {
                assertEquals(a.next(), b.next());
            }
        }
    }

    @Test
    void gamesOfOneStrategyDiffer() {
        GuessStrategy strategy = GuessStrategy.random(3);
        Guesser a = strategy.newGame(1, 1_000_000);
        Guesser b = strategy.newGame(1, 1_000_000);
        int same = 0;
        for (int i = 0; i < 100; i++) {
            same += a.next() == b.next() ? 1 : 0;
        }
        assertTrue(same < 5, "two games share " + same + " of 100 guesses");
    }

    /**
     * The seed draws each guess uniformly from the numbers not yet guessed. Over many games, the
     * first guess and the second must each spread evenly over a small range.
     */
    @Test
    void guessesAreSpreadEvenlyOverTheRange() {
        GuessStrategy strategy = GuessStrategy.random(12345);
        int size = 6;
        int games = 60_000;
        int[][] counts = new int[2][size];
        for (int game = 0; game < games; game++) {
            Guesser guesser = strategy.newGame(0, size - 1);
            counts[0][(int) guesser.next()]++;
            counts[1][(int) guesser.next()]++;
        }
        for (int[] position : counts) {
            double expected = (double) games / size;
            double chiSquare = 0;
            for (int count : position) {
                chiSquare += (count - expected) * (count - expected) / expected;
            }
            // 5 degrees of freedom: 20.5 is the 0.999 quantile. A fixed seed keeps this repeatable.
            assertTrue(chiSquare < 20.5, "chi-square " + chiSquare + " for counts " + java.util.Arrays.toString(position));
        }
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> GuessStrategy.random(1).newGame(5, 4));
    }
}
