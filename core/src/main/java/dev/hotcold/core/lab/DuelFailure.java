package dev.hotcold.core.lab;

/**
 * A strategy broke a rule of the game during a {@link Duel}: it guessed outside the range, repeated
 * a guess, ran out of numbers before the secret, went past the duel's limit of guesses, or threw
 * (the cause). The message names the game: its range, its secret if chosen, and the guesses made.
 */
public final class DuelFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuelFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
