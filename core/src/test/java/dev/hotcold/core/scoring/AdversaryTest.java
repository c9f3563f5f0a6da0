package dev.hotcold.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.protocol.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class AdversaryTest {

    @Test
    void theJavadocExample() {
        Adversary adversary = new Adversary(1, 100);
        assertEquals(Decision.UNSURE, adversary.score(50));
        assertEquals(Decision.COLDER, adversary.score(51));
        assertEquals(49, adversary.candidates());
        assertEquals(OptionalLong.empty(), adversary.secret());
    }

    @Test
    void saysCorrectOnlyToTheLastCandidate() {
        Adversary adversary = new Adversary(1, 3);
        assertEquals(Decision.UNSURE, adversary.score(2));
        assertEquals(Decision.COLDER, adversary.score(3)); // 1 and 3... 3 is guessed: 1 is left
        assertEquals(OptionalLong.of(1), adversary.secret());
        assertEquals(Decision.CORRECT, adversary.score(1));
        assertEquals(0, adversary.candidates());
        assertThrows(IllegalStateException.class, () -> adversary.score(2));
    }

    @Test
    void aSingleNumberIsCorrectAtOnce() {
        assertEquals(Decision.CORRECT, new Adversary(7, 7).score(7));
    }

    @Test
    void rejectsGuessesOutsideTheRange() {
        Adversary adversary = new Adversary(1, 10);
        assertThrows(IllegalArgumentException.class, () -> adversary.score(0));
        assertThrows(IllegalArgumentException.class, () -> adversary.score(11));
        assertThrows(IllegalArgumentException.class, () -> new Adversary(2, 1));
    }

    @Test
    void aSweepIsMadeToGuessEveryNumber() {
        for (int n = 1; n <= 50; n++) {
            Adversary adversary = new Adversary(1, n);
            int guesses = 0;
            Decision decision;
            do {
                decision = adversary.score(++guesses);
            } while (decision != Decision.CORRECT);
            assertEquals(n, guesses, "n=" + n);
        }
    }

    @Test
    void worksOnTheWholeLongRange() {
        Adversary adversary = new Adversary(Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(-1L, adversary.candidates()); // 2^64, capped at 2^64 - 1
        assertEquals(Decision.UNSURE, adversary.score(0));
        assertEquals(-1L, adversary.candidates()); // 2^64 - 1
        Decision second = adversary.score(Long.MAX_VALUE);
        assertTrue(second == Decision.COLDER || second == Decision.WARMER);
        assertTrue(Long.compareUnsigned(adversary.candidates(), 1L << 62) > 0);
    }

    /**
     * Honesty: whatever the guesses, the reports are exactly those a Scorer gives for the secret the
     * adversary ends on.
     */
    @RepeatedTest(200)
    void itsReportsAreAScorersForTheSecretItSettlesOn(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        long size = 1 + random.nextInt(repetition.getCurrentRepetition() < 100 ? 20 : 300);
        long lower = random.nextLong(-1_000_000, 1_000_000);
        Adversary adversary = new Adversary(lower, lower + size - 1);
        List<Long> guesses = new ArrayList<>();
        List<Decision> reports = new ArrayList<>();
        Decision decision;
        do {
            long guess = lower + random.nextLong(size); // repeats allowed: the adversary takes them
            guesses.add(guess);
            reports.add(decision = adversary.score(guess));
        } while (decision != Decision.CORRECT && guesses.size() < 100 * size);
        long secret = adversary.secret().orElseThrow();
        Scorer scorer = new Scorer(secret);
        for (int index = 0; index < guesses.size(); index++) {
            assertEquals(scorer.score(guesses.get(index)), reports.get(index), "guess " + index + " of " + guesses);
        }
    }
}
