package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The hot/cold strategy plays the exact optimum on every range the book covers: every size from 1
 * to 123, every secret, on [1, n] and on a range far from zero.
 */
class OptimalBookTest {
    private final HotColdStrategyReferee referee = new HotColdStrategyReferee();

    @Test
    void theWorstCaseIsTheOptimumOnEverySizeTheTableCovers() {
        GuessStrategy strategy = GuessStrategy.hotCold();
        for (int size = 1; size <= ExactOptimum.TABLE_SIZE; size++) {
            int worst = 0;
            for (int secret = 1; secret <= size; secret++) {
                worst = Math.max(worst, referee.play(strategy, 1, size, secret));
                int shifted = referee.play(strategy, Long.MIN_VALUE, Long.MIN_VALUE + size - 1,
                        Long.MIN_VALUE + secret - 1);
                worst = Math.max(worst, shifted);
            }
            assertEquals(ExactOptimum.known(size).orElseThrow(), worst, "size " + size);
        }
    }

    @Test
    void theOpeningsAreTheSearchsUpTo67() {
        for (int size = 1; size <= 67; size++) {
            int optimum = ExactOptimum.known(size).orElseThrow();
            assertEquals(new GameTreeSearch(size).firstGuess(optimum), OptimalBook.openingHint(size), "size " + size);
        }
    }

    @Test
    void everyBookOpensWithItsHintAndStaysSmall() {
        for (int size = 1; size <= ExactOptimum.TABLE_SIZE; size++) {
            OptimalBook book = OptimalBook.of(size);
            assertEquals(OptimalBook.openingHint(size), book.guess(OptimalBook.root()), "size " + size);
            assertEquals(true, book.nodes() <= 2 * size, "size " + size + ": " + book.nodes() + " nodes");
        }
    }
}
