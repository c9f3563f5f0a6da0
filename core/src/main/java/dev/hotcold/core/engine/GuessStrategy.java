package dev.hotcold.core.engine;

/**
 * How a server picks its guesses: a factory of one {@link Guesser} per game.
 *
 * <p>A server shares one strategy among all its connections, so implementations must be
 * thread-safe; each {@link Guesser} belongs to one game on one connection and need not be. The
 * server calls them where it makes the reply (on an event-loop transport, on the loop), so they
 * must not block. Whatever they throw, {@link Error}s included, ends the game, not the connection:
 * the client is answered {@code ERROR internal error} ({@code dev.hotcold.core.boundary.UserCode}
 * states the whole policy).
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
     * @param lower the smallest number of the range
     * @param upper the largest number of the range
     * @return the guesses of a new game; it belongs to one connection
     * @throws IllegalArgumentException if {@code lower > upper}
     */
    Guesser newGame(long lower, long upper);

    /**
     * A strategy that ignores the reports: each guess uniform among the numbers of the range not
     * yet guessed in this game, in O(1) time and memory per guess, drawn from a fresh random seed.
     * A game on n numbers takes (n + 1) / 2 guesses on average.
     *
     * @return a new random strategy
     */
    static GuessStrategy random() {
        return new RandomStrategy();
    }

    /**
     * The random strategy with a fixed seed: the same sequence of games gets the same guesses.
     *
     * @param seed picks the guesses; the same seed replays them
     * @return a new random strategy
     */
    static GuessStrategy random(long seed) {
        return new RandomStrategy(seed);
    }

    /**
     * A strategy that listens to the reports: each Warmer, Colder or Same narrows the numbers the
     * secret can be, and each guess is placed so that the next report splits what is left in two.
     * Against a client that reports truthfully, a game on n numbers takes about log<sub>2</sub> n
     * + 1.3 guesses on average. On ranges of up to {@value ExactOptimum#TABLE_SIZE} numbers its worst
     * case is the best any strategy can do ({@link ExactOptimum}): it follows a strategy tree the exact
     * search builds once per size, the first time a game on that size starts (milliseconds, a few
     * kilobytes kept), and each guess is then an array lookup. Beyond, its worst case is never more
     * than ceil(log<sub>2</sub> n) + 2 in the project's exhaustive and property tests (BENCHMARKS.md
     * has the measured figures). Clients that lie cannot make it
     * repeat a guess or leave the range: once nothing is consistent with the reports it tries the
     * remaining numbers in order. Deterministic; a game remembers at most 2 &times; bits(n) + 8
     * numbers.
     *
     * <pre>{@code
     * GuessStrategy strategy = GuessStrategy.hotCold();
     * Guesser guesser = strategy.newGame(1, 1_000_000);
     * long first = guesser.next();            // 500000
     * guesser.onReport(Decision.UNSURE);
     * long second = guesser.next();           // placed to split the rest in half
     * }</pre>
     *
     * @return the hot/cold strategy; it holds no state, so one serves every connection
     */
    static GuessStrategy hotCold() {
        return new HotColdStrategy();
    }
}
