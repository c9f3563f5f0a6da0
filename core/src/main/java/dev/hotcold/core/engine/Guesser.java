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
}
