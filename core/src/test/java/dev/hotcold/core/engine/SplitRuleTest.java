package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The split rule on its own: hand-worked cases for each of its moves, then properties over seeded
 * random ranges. Ranges here start at 0, so offsets and numbers coincide.
 */
class SplitRuleTest {

    @ParameterizedTest(name = "[0, {0}], candidates [{1}, {2}], last guess {3}: {4} ({5})")
    @CsvSource({
        // Room on both sides: reflect the last guess through the centre of the candidates.
        "999, 500, 599, 400, 699, reflection from below",
        "999, 400, 499, 599, 300, reflection from above",
        "999, 101, 200, 50,  251, room behind reaches half the count: still the exact reflection",
        // The last guess is a hole among the candidates: reflect it inside them.
        "99,  10,  30,  15,  25,  hole reflected",
        "99,  10,  30,  20,  21,  hole at the centre: the number above it",
        // Little room behind the last guess: the Colder part gets (count + room) / 3.
        "999, 1,   99,  0,   67,  last guess at the end of the range: Colder part 1..33 is a third",
        "999, 11,  109, 10,  83,  room 10: Colder part 11..46 has (99 + 10) / 3 = 36",
        "999, 900, 998, 999, 932, the same at the top end of the range: Colder part 966..998",
        // The reflection leaves the range.
        "99,  50,  99,  40,  99,  the far end still splits off 20 of 50",
        "99,  0,   49,  59,  0,   the far end of the mirrored range",
        "99,  60,  99,  0,   73,  the far end splits nothing: a third of the way in",
    })
    void placesTheGuess(long rangeEnd, long lowest, long highest, long lastGuess, long expected,
            String why) {
        assertEquals(expected, SplitRule.nextGuess(rangeEnd, lowest, highest, lastGuess), why);
    }

    @Test
    void theReflectionHalvesTheCandidates() {
        long guess = SplitRule.nextGuess(999, 500, 599, 400);
        assertEquals(50, warmer(500, 599, 400, guess));
        assertEquals(50, colder(500, 599, 400, guess));
    }

    @Test
    void wholeLongRangeNeedsNoWiderArithmetic() {
        long rangeEnd = -1L; // 2^64 numbers
        long upperHalf = Long.MIN_VALUE; // offset 2^63, read unsigned
        // The last guess just below the upper half: the reflection would leave the range, and the
        // far end splits off a quarter of the candidates or more.
        assertEquals(rangeEnd, SplitRule.nextGuess(rangeEnd, upperHalf, rangeEnd, Long.MAX_VALUE));
        // The last guess at offset 0, candidates 1 to 2^63: no room behind, the reflection stays in
        // the range, and the Colder part gets a third, 2^63 / 3 rounded up.
        long guess = SplitRule.nextGuess(rangeEnd, 1, upperHalf, 0);
        long colderShare = Long.divideUnsigned(upperHalf, 3) + 1;
        assertEquals(1 + 2 * colderShare - 1 + 1, guess);
        // The last guess at the very top, the candidates mirrored: the guess is mirrored too.
        assertEquals(rangeEnd - guess, SplitRule.nextGuess(rangeEnd, rangeEnd - upperHalf, rangeEnd - 1, rangeEnd));
    }

    @RepeatedTest(200)
    void theGuessStaysInTheRangeAndMirroringTheRangeMirrorsIt(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(0x5_1217L + repetition.getCurrentRepetition());
        for (int i = 0; i < 1_000; i++) {
            Case c = Case.random(random, repetition.getCurrentRepetition() % 2 == 0);
            long guess = SplitRule.nextGuess(c.rangeEnd, c.lowest, c.highest, c.lastGuess);
            assertTrue(Long.compareUnsigned(guess, c.rangeEnd) <= 0, c + " gave " + Long.toUnsignedString(guess));
            if (c.outside()) {
                long mirrored = SplitRule.nextGuess(c.rangeEnd, c.rangeEnd - c.highest,
                        c.rangeEnd - c.lowest, c.rangeEnd - c.lastGuess);
                assertEquals(c.rangeEnd - guess, mirrored, c.toString());
            }
        }
    }

    /** Where the reflection fits, the Colder part is (count + room behind) / 3, capped at a half. */
    @RepeatedTest(50)
    void colderPartFollowsTheRoomBehindTheLastGuess(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(0xc01d_e7L + repetition.getCurrentRepetition());
        int checked = 0;
        while (checked < 200) {
            long rangeEnd = random.nextLong(2, 3_000);
            long lastGuess = random.nextLong(rangeEnd - 1);
            long lowest = random.nextLong(lastGuess + 1, rangeEnd);
            long highest = random.nextLong(lowest + 1, rangeEnd + 1);
            long count = highest - lowest + 1;
            long gap = lowest - lastGuess;
            if (rangeEnd - highest < gap) {
                continue; // the reflection leaves the range: another move
            }
            long guess = SplitRule.nextGuess(rangeEnd, lowest, highest, lastGuess);
            long colder = colder(lowest, highest, lastGuess, guess);
            long warmer = warmer(lowest, highest, lastGuess, guess);
            String what = "[0, " + rangeEnd + "], candidates [" + lowest + ", " + highest + "], last guess "
                    + lastGuess + ", guess " + guess;
            // The midpoint is a candidate (and the Same part) only when it is a whole number.
            long same = (guess - lastGuess) % 2 == 0 && (guess + lastGuess) / 2 >= lowest ? 1 : 0;
            assertEquals(count, colder + warmer + same, what);
            long roomBehind = lastGuess;
            long expected = roomBehind >= count / 2 ? count / 2 // the exact reflection halves
                    : Math.max(1, Math.min(Math.round((count + roomBehind) / 3.0), count / 2));
            assertEquals(expected, colder, what);
            checked++;
        }
    }

    /** Candidates in [lowest, highest] strictly nearer {@code guess} than {@code lastGuess}. */
    private static long warmer(long lowest, long highest, long lastGuess, long guess) {
        long count = 0;
        for (long secret = lowest; secret <= highest; secret++) {
            count += Math.abs(secret - guess) < Math.abs(secret - lastGuess) ? 1 : 0;
        }
        return count;
    }

    /** Candidates in [lowest, highest] strictly nearer {@code lastGuess} than {@code guess}. */
    private static long colder(long lowest, long highest, long lastGuess, long guess) {
        long count = 0;
        for (long secret = lowest; secret <= highest; secret++) {
            count += Math.abs(secret - guess) > Math.abs(secret - lastGuess) ? 1 : 0;
        }
        return count;
    }

    /** Inputs that meet the rule's preconditions, all offsets unsigned. */
    private record Case(long rangeEnd, long lowest, long highest, long lastGuess) {
        /** Small ranges, or ranges anywhere up to the whole {@code long} range. */
        static Case random(SplittableRandom random, boolean huge) {
            // At least three numbers, so that some guess is neither end of the candidates.
            long rangeEnd = huge ? random.nextLong() | 2 : random.nextLong(2, 5_000);
            long a = unsignedBelowOrAt(random, rangeEnd);
            long b = unsignedBelowOrAt(random, rangeEnd);
            long lowest = Long.compareUnsigned(a, b) <= 0 ? a : b;
            long highest = Long.compareUnsigned(a, b) <= 0 ? b : a;
            long lastGuess;
            do {
                lastGuess = unsignedBelowOrAt(random, rangeEnd);
                // Not a candidate: outside the interval, or (as a guessed hole) strictly inside it.
            } while (lastGuess == lowest || lastGuess == highest);
            return new Case(rangeEnd, lowest, highest, lastGuess);
        }

        boolean outside() {
            return Long.compareUnsigned(lastGuess, lowest) < 0 || Long.compareUnsigned(highest, lastGuess) < 0;
        }

        private static long unsignedBelowOrAt(SplittableRandom random, long bound) {
            return bound == -1L ? random.nextLong() : Long.remainderUnsigned(random.nextLong(), bound + 1);
        }

        @Override
        public String toString() {
            return "[0, " + Long.toUnsignedString(rangeEnd) + "], candidates [" + Long.toUnsignedString(lowest)
                    + ", " + Long.toUnsignedString(highest) + "], last guess " + Long.toUnsignedString(lastGuess);
        }
    }
}
