package dev.hotcold.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assertions about played games, for core's own tests (the testkit has its own for transports). */
final class GameChecks {
    private GameChecks() {}

    /**
     * Checks a whole game: every guess in range and new, the decisions those a seed client makes,
     * and the last round, only the last, correct.
     */
    static void assertValidGame(List<Outcome> outcomes, long lower, long upper, long secret) {
        assertFalse(outcomes.isEmpty(), "a game has at least one round");
        Scorer scorer = new Scorer(secret);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            long number = outcome.number();
            assertTrue(number >= lower && number <= upper, () -> number + " outside the range in " + outcomes);
            assertTrue(seen.add(number), () -> number + " guessed twice in " + outcomes);
            assertEquals(scorer.score(number), outcome.decision(), () -> "decision for " + number + " in " + outcomes);
            boolean last = i == outcomes.size() - 1;
            assertEquals(last, outcome.decision() == Decision.CORRECT, () -> "only the last round is correct: " + outcomes);
        }
        assertEquals(secret, outcomes.get(outcomes.size() - 1).number());
    }
}
