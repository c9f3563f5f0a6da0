package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact search and its table: the small entries derived again by the search, and the smallest
 * ones by a second, naive search that asks a {@link Scorer} for every report.
 */
class ExactOptimumTest {

    /** The table's figures: the most numbers k guesses settle, k = 1 to 8. */
    private static final int[] MOST_SETTLED = {0, 1, 2, 5, 10, 20, 35, 67, 123};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void theSearchSettlesTheTablesFiguresAndNoMore(int guesses) {
        int most = MOST_SETTLED[guesses];
        assertTrue(ExactOptimum.settles(most, guesses), guesses + " guesses settle " + most);
        assertFalse(ExactOptimum.settles(most + 1, guesses), guesses + " guesses settle " + (most + 1));
        assertEquals(most, ExactOptimum.mostSettled(guesses));
    }

    @Test
    void theSearchDerivesTheTableForEverySizeUpTo67() {
        for (int size = 1; size <= 67; size++) {
            int fewest = 1;
            while (!ExactOptimum.settles(size, fewest)) {
                fewest++;
            }
            assertEquals(OptionalInt.of(fewest), ExactOptimum.known(size), "size " + size);
        }
    }

    @Test
    void theTableEndsAt123() {
        assertEquals(123, ExactOptimum.mostSettled(8));
        assertEquals(OptionalInt.of(8), ExactOptimum.known(123));
        assertEquals(OptionalInt.empty(), ExactOptimum.known(124));
        assertEquals(OptionalInt.empty(), ExactOptimum.known(0));
    }

    @Test
    void rejectsWhatItCannotSearch() {
        assertThrows(IllegalArgumentException.class, () -> ExactOptimum.settles(0, 3));
        assertThrows(IllegalArgumentException.class, () -> ExactOptimum.settles(ExactOptimum.MAX_SEARCH_SIZE + 1, 3));
        assertThrows(IllegalArgumentException.class, () -> ExactOptimum.mostSettled(9));
        assertFalse(ExactOptimum.settles(1, 0));
    }

    /** A second search, as plain as possible, over sets of candidates, with the Scorer's reports. */
    @Test
    void aNaiveSearchWithTheScorerAgreesUpTo11Numbers() {
        for (int size = 1; size <= 11; size++) {
            Naive naive = new Naive(size);
            int fewest = 1;
            while (!naive.settlesRange(fewest)) {
                fewest++;
            }
            assertEquals(OptionalInt.of(fewest), ExactOptimum.known(size), "size " + size);
        }
    }

    /** Sets are bit masks of [0, size); reports come from a Scorer fed the last guess, then the guess. */
    private static final class Naive {
        private final int size;
        private final Map<Long, Boolean> memo = new HashMap<>();

        Naive(int size) {
            this.size = size;
        }

        boolean settlesRange(int guesses) {
            int all = (1 << size) - 1;
            for (int first = 0; first < size; first++) {
                // Every miss of the first guess is Unsure: one part, the rest of the range.
                if (settles(all & ~(1 << first), 1 << first, first, guesses - 1)) {
                    return true;
                }
            }
            return false;
        }

        private boolean settles(int candidates, int guessed, int last, int guesses) {
            if (candidates == 0) {
                return true;
            }
            if (guesses == 0) {
                return false;
            }
            long key = (long) candidates | (long) guessed << 12 | (long) last << 24 | (long) guesses << 30;
            Boolean known = memo.get(key);
            if (known != null) {
                return known;
            }
            boolean settles = false;
            for (int guess = 0; guess < size && !settles; guess++) {
                if ((guessed & 1 << guess) != 0) {
                    continue;
                }
                int[] parts = new int[Decision.values().length];
                for (int secret = 0; secret < size; secret++) {
                    if ((candidates & 1 << secret) != 0) {
                        Scorer scorer = new Scorer(secret);
                        scorer.score(last);
                        parts[scorer.score(guess).ordinal()] |= 1 << secret;
                    }
                }
                settles = true;
                for (Decision decision : Decision.values()) {
                    if (decision != Decision.CORRECT && !settles(parts[decision.ordinal()],
                            guessed | 1 << guess, guess, guesses - 1)) {
                        settles = false;
                        break;
                    }
                }
            }
            memo.put(key, settles);
            return settles;
        }
    }
}
