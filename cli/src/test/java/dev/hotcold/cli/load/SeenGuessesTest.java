package dev.hotcold.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Repeat detection agrees with a plain set, game after game, for bit sets and hash sets alike. */
class SeenGuessesTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 63, 64, 65, 100, 4096, 4097, 1_000_000, Long.MAX_VALUE})
    void agreesWithASetOverSeededGames(long range) {
        SplittableRandom random = new SplittableRandom(range);
        SeenGuesses seen = SeenGuesses.forRange(range);
        for (int game = 0; game < 50; game++) {
            Set<Long> reference = new HashSet<>();
            int guesses = random.nextInt(1, 3000);
            for (int i = 0; i < guesses; i++) {
                // Draw from a small window at times so that repeats happen even on huge ranges.
                long guess = random.nextBoolean() ? 1 + random.nextLong(Math.min(range, 50))
                        : 1 + random.nextLong(range);
                assertEquals(reference.add(guess), seen.add(guess), "guess " + guess + " in game " + game);
            }
            seen.clear();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 100, 4096, 4097, Long.MAX_VALUE})
    void theExtremesOfTheRangeAreNumbersLikeAnyOther(long range) {
        SeenGuesses seen = SeenGuesses.forRange(range);
        assertTrue(seen.add(range));
        assertTrue(seen.add(1) || range == 1);
        assertFalse(seen.add(range));
        assertFalse(seen.add(1));
        seen.clear();
        assertTrue(seen.add(range));
    }

    @ParameterizedTest
    @ValueSource(longs = {4096, 4097})
    void smallRangesUseBits(long range) {
        if (range <= SeenGuesses.MAX_BITS) {
            assertInstanceOf(SeenGuesses.Bits.class, SeenGuesses.forRange(range));
        } else {
            assertInstanceOf(SeenGuesses.Hashed.class, SeenGuesses.forRange(range));
        }
    }
}
