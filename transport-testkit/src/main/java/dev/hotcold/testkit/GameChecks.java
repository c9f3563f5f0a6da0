package dev.hotcold.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assertions about played games, shared by the conformance suite and other tests. */
public final class GameChecks {
    /** Three example games, the protocol's classic demo: range and secret. */
    public static final List<long[]> SEED_GAMES = List.of(
            new long[] {1, 5, 3}, new long[] {10, 15, 12}, new long[] {1, 3, 2});

    private GameChecks() {}

    /**
     * Checks a whole game: every guess in range and new, the decisions those the protocol's
     * reference client makes, and the last round, only the last, correct.
     *
     * @param outcomes the game's rounds, in order
     * @param lower the game's lower bound
     * @param upper the game's upper bound
     * @param secret the client's secret
     */
    public static void assertValidGame(List<Outcome> outcomes, long lower, long upper, long secret) {
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
