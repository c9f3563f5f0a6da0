package dev.hotcold.core.events;

import java.time.Duration;
import java.util.Objects;

/**
 * One finished game, for operators.
 *
 * @param lower the game's lower bound
 * @param upper the game's upper bound
 * @param guesses how many different numbers the server guessed
 * @param end how the game ended
 * @param duration from the {@code PARAMS} to the game's end, as the server saw it
 */
public record GameSummary(long lower, long upper, long guesses, GameEnd end, Duration duration) {
    /**
     * Checks that every part is there.
     *
     * @throws NullPointerException if {@code end} or {@code duration} is null
     */
    public GameSummary {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(duration, "duration");
    }
}
