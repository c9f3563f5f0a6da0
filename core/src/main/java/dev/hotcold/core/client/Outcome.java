package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Decision;
import java.util.Objects;

/** One round of a game: the server's guess and the client's verdict on it. */
public record Outcome(long number, Decision decision) {
    public Outcome {
        Objects.requireNonNull(decision, "decision");
    }

    /** Whether this round ended the game. */
    public boolean isCorrect() {
        return decision == Decision.CORRECT;
    }

    @Override
    public String toString() {
        return number + " is " + decision;
    }
}
