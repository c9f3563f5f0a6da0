package dev.hotcold.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotcold.core.protocol.Decision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ScorerTest {

    @Test
    void decidesAsTheSeedsClient() {
        // The seed's first transcript: secret 3, guesses 4, 1, 5, 3.
        Scorer scorer = new Scorer(3);
        assertEquals(List.of(Decision.UNSURE, Decision.COLDER, Decision.SAME, Decision.CORRECT),
                List.of(scorer.score(4), scorer.score(1), scorer.score(5), scorer.score(3)));
        // Its asyncio transcript: secret 3, guesses 5, 4, 2, 1, 3.
        scorer = new Scorer(3);
        assertEquals(List.of(Decision.UNSURE, Decision.WARMER, Decision.SAME, Decision.COLDER, Decision.CORRECT),
                List.of(scorer.score(5), scorer.score(4), scorer.score(2), scorer.score(1), scorer.score(3)));
    }

    @Test
    void aCorrectFirstGuessIsCorrectNotUnsure() {
        assertEquals(Decision.CORRECT, new Scorer(7).score(7));
    }

    @Test
    void distancesAreExactAcrossTheWholeRange() {
        assertEquals(-1L, Scorer.distance(Long.MIN_VALUE, Long.MAX_VALUE));   // 2^64 - 1, unsigned
        assertEquals(-1L, Scorer.distance(Long.MAX_VALUE, Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, Scorer.distance(Long.MIN_VALUE, 0));    // 2^63, unsigned
    }

    /** The seed's rule, on unbounded integers. */
    static Decision reference(BigInteger secret, BigInteger guess, BigInteger last) {
        BigInteger distance = guess.subtract(secret).abs();
        if (distance.signum() == 0) {
            return Decision.CORRECT;
        }
        if (last == null) {
            return Decision.UNSURE;
        }
        int comparison = distance.compareTo(last.subtract(secret).abs());
        return comparison < 0 ? Decision.WARMER : comparison > 0 ? Decision.COLDER : Decision.SAME;
    }

    static long extreme(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> Long.MIN_VALUE + random.nextInt(4);
            case 1 -> Long.MAX_VALUE - random.nextInt(4);
            case 2 -> random.nextInt(-4, 5);
            default -> random.nextLong();
        };
    }

    @RepeatedTest(50)
    void agreesWithABigIntegerReferenceAtTheExtremes(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        long secret = extreme(random);
        Scorer scorer = new Scorer(secret);
        List<Long> guesses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            guesses.add(random.nextInt(3) == 0 && !guesses.isEmpty()
                    ? 2 * secret - guesses.get(guesses.size() - 1)   // the mirror image: often Same
                    : extreme(random));
        }
        BigInteger last = null;
        for (long guess : guesses) {
            BigInteger big = BigInteger.valueOf(guess);
            assertEquals(reference(BigInteger.valueOf(secret), big, last), scorer.score(guess),
                    "secret " + secret + ", guess " + guess + ", last " + last);
            last = big;
        }
    }
}
