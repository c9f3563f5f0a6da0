package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that lie, contradict themselves or skip reports: the game still never repeats a number,
 * never leaves the range, never throws, keeps its memory bounded, and tries every number of the range
 * exactly once before {@link Guesser#hasNext()} turns false.
 */
class HotColdStrategyLiarTest {
    private static final int MAX_SIZE = 300;
    private static final Decision[] DECISIONS = Decision.values();

    /** What a client says about its i-th guess; null means it sends no report at all. */
    enum Liar {
        RANDOM {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return DECISIONS[random.nextInt(DECISIONS.length)];
            }
        },
        RANDOM_NEVER_CORRECT {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return DECISIONS[random.nextInt(DECISIONS.length - 1)]; // CORRECT is the last
            }
        },
        ALWAYS_COLDER {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return i == 0 ? Decision.UNSURE : Decision.COLDER;
            }
        },
        ALWAYS_WARMER {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return i == 0 ? Decision.UNSURE : Decision.WARMER;
            }
        },
        ALWAYS_SAME {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return Decision.SAME;
            }
        },
        ALWAYS_UNSURE {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return Decision.UNSURE;
            }
        },
        WARMER_THEN_COLDER {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return i % 2 == 0 ? Decision.WARMER : Decision.COLDER;
            }
        },
        SAME_THEN_COLDER {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return i % 2 == 0 ? Decision.SAME : Decision.COLDER;
            }
        },
        /** Honest about a secret nobody can find: it never says Correct. */
        HONEST_BUT_NEVER_CORRECT {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                Decision decision = honest.score(guess);
                return decision == Decision.CORRECT ? Decision.COLDER : decision;
            }
        },
        /** Honest for a while, then random. */
        HONEST_THEN_RANDOM {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                Decision decision = honest.score(guess);
                return i < 3 && decision != Decision.CORRECT ? decision : DECISIONS[random.nextInt(4)];
            }
        },
        /** Says Correct early, then keeps asking: the game is over, but numbers must stay fresh. */
        CORRECT_THEN_MORE {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return i == 1 ? Decision.CORRECT : DECISIONS[random.nextInt(DECISIONS.length)];
            }
        },
        /** Sends NUMBER again without reporting, every other time or at random. */
        SKIPS_REPORTS {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                if (random.nextInt(3) == 0) {
                    return null;
                }
                Decision decision = honest.score(guess);
                return decision == Decision.CORRECT ? Decision.WARMER : decision;
            }
        },
        NEVER_REPORTS {
            @Override
            Decision judge(long guess, int i, SplittableRandom random, Scorer honest) {
                return null;
            }
        };

        abstract Decision judge(long guess, int i, SplittableRandom random, Scorer honest);
    }

    @ParameterizedTest
    @EnumSource(Liar.class)
    void everyNumberIsTriedExactlyOnce(Liar liar) {
        SplittableRandom random = new SplittableRandom(0xbad_c11e47L + liar.ordinal());
        GuessStrategy strategy = GuessStrategy.hotCold();
        for (int n = 1; n <= MAX_SIZE; n++) {
            long[] lowers = {1, -150, Long.MIN_VALUE, Long.MAX_VALUE - n + 1};
            for (long lower : lowers) {
                exhaust(strategy, lower, lower + n - 1, liar, random);
            }
        }
    }

    /** On the whole long range the game cannot run dry, but it must stay sound and small. */
    @ParameterizedTest
    @EnumSource(Liar.class)
    void wholeRangeStaysSoundUnderLies(Liar liar) {
        SplittableRandom random = new SplittableRandom(0x11e5L + liar.ordinal());
        Guesser guesser = GuessStrategy.hotCold().newGame(Long.MIN_VALUE, Long.MAX_VALUE);
        Scorer honest = new Scorer(random.nextLong());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            assertTrue(guesser.hasNext());
            long guess = guesser.next();
            assertTrue(seen.add(guess), "repeated " + guess);
            assertMemoryBounded(guesser, -1L);
            Decision decision = liar.judge(guess, i, random, honest);
            if (decision != null) {
                guesser.onReport(decision);
            }
        }
    }

    private static void exhaust(GuessStrategy strategy, long lower, long upper, Liar liar,
            SplittableRandom random) {
        Guesser guesser = strategy.newGame(lower, upper);
        Scorer honest = new Scorer(HotColdStrategyPropertyTest.uniform(random, lower, upper));
        Set<Long> seen = new HashSet<>();
        long size = upper - lower + 1;
        int i = 0;
        while (guesser.hasNext()) {
            long guess = guesser.next();
            if (guess < lower || guess > upper) {
                fail(liar + ": guess " + guess + " outside [" + lower + ", " + upper + "]");
            }
            if (!seen.add(guess)) {
                fail(liar + ": guess " + guess + " repeated on [" + lower + ", " + upper + "]");
            }
            assertMemoryBounded(guesser, upper - lower);
            Decision decision = liar.judge(guess, i++, random, honest);
            if (decision != null) {
                guesser.onReport(decision);
            }
            // A second report, or one with no guess to judge, must be ignored quietly.
            if (random.nextInt(8) == 0) {
                guesser.onReport(DECISIONS[random.nextInt(DECISIONS.length)]);
            }
        }
        assertEquals(size, seen.size(), liar + " on [" + lower + ", " + upper + "]");
        assertFalse(guesser.hasNext());
        assertThrows(NoSuchElementException.class, guesser::next);
    }

    private static void assertMemoryBounded(Guesser guesser, long sizeMinusOne) {
        int remembered = ((HotColdGuesser) guesser).rememberedGuesses();
        assertTrue(remembered <= HotColdGuesser.rememberLimit(sizeMinusOne),
                "remembers " + remembered + " guesses");
    }
}
