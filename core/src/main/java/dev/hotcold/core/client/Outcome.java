package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Decision;
import java.util.Objects;

/**
 * One round of a game: the server's guess and the client's verdict on it.
 *
 * @param number the number the server guessed
 * @param decision the client's verdict on it
 */
public record Outcome(long number, Decision decision) {
    /**
     * Checks that there is a decision.
     *
     * @throws NullPointerException if {@code decision} is null
     */
    public Outcome {
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * Whether this round ended the game.
     *
     * @return {@code true} if the decision is {@link Decision#CORRECT}
     */
    public boolean isCorrect() {
        return decision == Decision.CORRECT;
    }

    @Override
    public String toString() {
        return number + " is " + decision;
    }
}
