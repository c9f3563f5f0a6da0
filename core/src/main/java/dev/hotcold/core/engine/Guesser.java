package dev.hotcold.core.engine;

import dev.hotcold.core.protocol.Decision;

/**
 * The guesses of one game. Every number it returns lies in the game's range and none repeats
 * within the game. Not thread-safe: one game, one connection.
 */
public interface Guesser {

    /**
     * Whether the game can guess again.
     *
     * @return true while a number of the range remains that this game has not guessed yet
     */
    boolean hasNext();

    /**
     * The next guess.
     *
     * @return a number of the game's range that this game has not guessed before
     * @throws java.util.NoSuchElementException if every number of the range was guessed
     */
    long next();

    /**
     * The client's verdict on the number {@link #next()} returned last. Strategies that ignore
     * the client, as the random one does, keep this default, which does nothing.
     *
     * @param decision how that guess compares with the one before it
     */
    default void onReport(Decision decision) {}

    /**
     * Starts a new game on [lower, upper] in this guesser, if it can: it then guesses exactly as a
     * new guesser from its strategy would. A server offers a connection's guesser, once its game
     * is over, for the connection's next game, so that a strategy whose guessers can start over
     * makes nothing per game (the hot/cold strategy's can). The default says it cannot, and the
     * server asks the strategy for a new guesser.
     *
     * @param lower the smallest number of the new game's range
     * @param upper the largest number of the new game's range
     * @return {@code true} if this guesser now plays the new game; {@code false} if it cannot
     * @throws IllegalArgumentException if {@code lower > upper}
     */
    default boolean restart(long lower, long upper) {
        return false;
    }
}
