package dev.hotcold.benchmarks.core;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole hot/cold game on [1, 10<sup>6</sup>] with no I/O: {@link GuessStrategy#hotCold()}
 * guesses, a {@link Scorer} judges as the seed's client does, until {@code Correct} (about 21.3
 * guesses a game; BENCHMARKS.md). Secrets cycle through 4,096 seeded random values so that the
 * branch predictor cannot learn one game.
 *
 * <p>{@code game} makes a new guesser and scorer for every game, as a client that opens a
 * connection per game does; {@code gameOnOneGuesser} starts one guesser and one scorer over for
 * each game ({@link Guesser#restart}, {@link Scorer#restart}), as a server does for a connection's
 * games: with {@code -prof gc} its B/op is what a whole game allocates in steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotColdGameBenchmark {
    static final long UPPER = 1_000_000;

    private final GuessStrategy strategy = GuessStrategy.hotCold();
    private final Guesser reused = strategy.newGame(1, UPPER);
    private final Scorer reusedScorer = new Scorer(1);
    private final long[] secrets = new long[4096];
    private int next;

    @Setup
    public void drawSecrets() {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < secrets.length; i++) {
            secrets[i] = random.nextLong(1, UPPER + 1);
        }
    }

    /** @return the guesses the game took */
    @Benchmark
    public int game() {
        long secret = secrets[next++ & (secrets.length - 1)];
        return play(strategy, secret);
    }

    /** @return the guesses the game took */
    @Benchmark
    public int gameOnOneGuesser() {
        long secret = secrets[next++ & (secrets.length - 1)];
        if (!reused.restart(1, UPPER)) {
            throw new IllegalStateException("the hot/cold guesser did not start over");
        }
        reusedScorer.restart(secret);
        return play(reused, reusedScorer);
    }

    /** Plays one game to {@code Correct}; throws if the strategy fails to find the secret. */
    static int play(GuessStrategy strategy, long secret) {
        return play(strategy.newGame(1, UPPER), new Scorer(secret));
    }

    private static int play(Guesser guesser, Scorer scorer) {
        int guesses = 0;
        while (guesser.hasNext()) {
            Decision decision = scorer.score(guesser.next());
            guesses++;
            if (decision == Decision.CORRECT) {
                return guesses;
            }
            guesser.onReport(decision);
        }
        throw new IllegalStateException("no guess found secret " + scorer.secret());
    }
}
