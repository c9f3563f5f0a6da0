package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random ranges, from a handful of numbers to the whole {@code long} range and pressed against its
 * ends, with random secrets and the ends of each range as secrets: every game stays in range, never
 * repeats, ends Correct and stays within the bound. Seeded, so every run plays the same games.
 */
class HotColdStrategyPropertyTest {
    private static final int RANGES_PER_KIND = 250;
    private static final int RANDOM_SECRETS = 8;

    /** How a test range is drawn. */
    enum RangeKind {
        /** Up to 5,000 numbers, anywhere near zero. */
        SMALL {
            @Override
            long[] draw(SplittableRandom random) {
                long lower = random.nextLong(-1_000_000_000L, 1_000_000_000L);
                return new long[] {lower, lower + random.nextLong(5_000)};
            }
        },
        /** 2^32 to 2^63 numbers, placed at random. */
        HUGE {
            @Override
            long[] draw(SplittableRandom random) {
                long sizeMinusOne = randomSizeMinusOne(random, 32, 63);
                long lower = random.nextLong(Long.MIN_VALUE, Long.MAX_VALUE - sizeMinusOne + 1);
                return new long[] {lower, lower + sizeMinusOne};
            }
        },
        /** Any size, starting at or just above Long.MIN_VALUE. */
        AT_MIN {
            @Override
            long[] draw(SplittableRandom random) {
                long lower = Long.MIN_VALUE + random.nextInt(3);
                return new long[] {lower, lower + randomSizeMinusOne(random, 0, 62)};
            }
        },
        /** Any size, ending at or just below Long.MAX_VALUE. */
        AT_MAX {
            @Override
            long[] draw(SplittableRandom random) {
                long upper = Long.MAX_VALUE - random.nextInt(3);
                return new long[] {upper - randomSizeMinusOne(random, 0, 62), upper};
            }
        },
        /** The whole long range, or all of it but a number or two at the ends. */
        WHOLE {
            @Override
            long[] draw(SplittableRandom random) {
                return new long[] {Long.MIN_VALUE + random.nextInt(2), Long.MAX_VALUE - random.nextInt(2)};
            }
        },
        /** Between two random longs. */
        ANY {
            @Override
            long[] draw(SplittableRandom random) {
                long a = random.nextLong();
                long b = random.nextLong();
                return new long[] {Math.min(a, b), Math.max(a, b)};
            }
        };

        abstract long[] draw(SplittableRandom random);
    }

    @ParameterizedTest
    @EnumSource(RangeKind.class)
    void randomRangesAndSecretsEndWithinTheBound(RangeKind kind) {
        SplittableRandom random = new SplittableRandom(0x5eed_0000L + kind.ordinal());
        GuessStrategy strategy = GuessStrategy.hotCold();
        HotColdStrategyReferee referee = new HotColdStrategyReferee();
        for (int i = 0; i < RANGES_PER_KIND; i++) {
            long[] range = kind.draw(random);
            playSecrets(strategy, referee, random, range[0], range[1]);
        }
    }

    /** Sizes just below, at and above each power of two, where the guess count steps up. */
    @RepeatedTest(63)
    void sizesAroundEveryPowerOfTwo(RepetitionInfo repetition) {
        int power = repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(power);
        GuessStrategy strategy = GuessStrategy.hotCold();
        HotColdStrategyReferee referee = new HotColdStrategyReferee();
        for (long delta = -2; delta <= 2; delta++) {
            if (power == 1 && delta < -1) {
                continue; // no range of 0 numbers
            }
            long sizeMinusOne = (1L << power) - 1 + delta; // unsigned, so 2^63 + 1 numbers is fine
            // Starting this low, every size up to 2^63 + 1 fits below Long.MAX_VALUE.
            long lower = Long.MIN_VALUE + random.nextLong(1L << 40);
            playSecrets(strategy, referee, random, lower, lower + sizeMinusOne);
        }
    }

    private static void playSecrets(GuessStrategy strategy, HotColdStrategyReferee referee,
            SplittableRandom random, long lower, long upper) {
        int ceil = HotColdStrategyReferee.ceilLog2(upper - lower);
        int achieved = ceil + 2;
        long middle = lower + ((upper - lower) >>> 1);
        long[] ends = {lower, upper, middle, lower == upper ? lower : lower + 1};
        for (int s = 0; s < ends.length + RANDOM_SECRETS; s++) {
            long secret = s < ends.length ? ends[s] : uniform(random, lower, upper);
            int guesses = referee.play(strategy, lower, upper, secret);
            String game = "[" + lower + ", " + upper + "] secret " + secret + ": " + guesses + " guesses";
            assertTrue(guesses <= ceil + 3, "over the issue's bound: " + game);
            assertTrue(guesses <= achieved, "over the measured bound: " + game);
        }
    }

    /** size - 1 for a size with a bit length drawn from [minBits, maxBits], at most 63. */
    static long randomSizeMinusOne(SplittableRandom random, int minBits, int maxBits) {
        int bits = minBits + random.nextInt(maxBits - minBits + 1);
        if (bits == 0) {
            return 0;
        }
        long base = 1L << (bits - 1);
        return base + random.nextLong(base) - 1; // size in [2^(bits - 1), 2^bits)
    }

    /** A uniform long in [lower, upper], for any bounds. */
    static long uniform(SplittableRandom random, long lower, long upper) {
        long sizeMinusOne = upper - lower;
        if (sizeMinusOne == -1L) {
            return random.nextLong();
        }
        if (sizeMinusOne >= 0 && sizeMinusOne < Long.MAX_VALUE) {
            return lower + random.nextLong(sizeMinusOne + 1);
        }
        while (true) { // more than 2^63 numbers: rejection, accepts at least half the draws
            long x = random.nextLong();
            if (Long.compareUnsigned(x - lower, sizeMinusOne) <= 0) {
                return x;
            }
        }
    }
}
