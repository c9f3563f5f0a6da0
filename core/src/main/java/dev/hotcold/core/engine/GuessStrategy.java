package dev.hotcold.core.engine;

/**
 * How a server picks its guesses: a factory of one {@link Guesser} per game.
 *
 * <p>A server shares one strategy among all its connections, so implementations must be
 * thread-safe; each {@link Guesser} belongs to one game on one connection and need not be.
 *
 * <pre>{@code
 * GuessStrategy strategy = GuessStrategy.random(42);   // repeatable, as the demo's --seed
 * Guesser guesser = strategy.newGame(1, 5);
 * long first = guesser.next();
 * }</pre>
 */
public interface GuessStrategy {

    /**
     * Starts guessing for one game on the closed range [lower, upper].
     *
     * @throws IllegalArgumentException if {@code lower > upper}
     */
    Guesser newGame(long lower, long upper);

    /**
     * The seed's strategy: each guess uniform among the numbers of the range not yet guessed in
     * this game, in O(1) time and memory per guess, with a fresh random seed.
     */
    static GuessStrategy random() {
        return new RandomStrategy();
    }

    /** The seed's strategy with a fixed seed: the same games get the same guesses. */
    static GuessStrategy random(long seed) {
        return new RandomStrategy(seed);
    }
}
