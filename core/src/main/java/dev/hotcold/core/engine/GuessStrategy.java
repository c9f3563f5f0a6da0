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

    /**
     * A strategy that listens to the reports: each Warmer, Colder or Same narrows the numbers the
     * secret can be, and each guess is placed so that the next report splits what is left in two.
     * Against a client that reports as the seed's does, a game on n numbers took at most
     * ceil(log<sub>2</sub> n) + 2 guesses in every test, the Correct one included, and about
     * log<sub>2</sub> n + 1.3 on average, on ranges up to the whole {@code long} range. Clients that
     * lie cannot make it repeat a guess or leave the range: once nothing is consistent with the
     * reports it tries the remaining numbers in order. Deterministic; a game remembers at most
     * 2 &times; bits(n) + 8 numbers.
     *
     * <pre>{@code
     * GuessStrategy strategy = GuessStrategy.hotCold();
     * Guesser guesser = strategy.newGame(1, 1_000_000);
     * long first = guesser.next();            // 500000
     * guesser.onReport(Decision.UNSURE);
     * long second = guesser.next();           // placed to split the rest in half
     * }</pre>
     */
    static GuessStrategy hotCold() {
        return new HotColdStrategy();
    }
}
