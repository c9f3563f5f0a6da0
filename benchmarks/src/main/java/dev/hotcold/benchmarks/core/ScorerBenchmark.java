package dev.hotcold.benchmarks.core;

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
 * The client's judge: one guess scored against the secret and the guess before it, over the
 * whole {@code long} range. Guesses cycle through 4,096 seeded random values, so the decisions
 * are mixed (Warmer, Colder, the odd Same) as in a real game.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScorerBenchmark {
    private final long[] guesses = new long[4096];
    private Scorer scorer;
    private int next;

    @Setup
    public void drawGuesses() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < guesses.length; i++) {
            guesses[i] = random.nextLong();
        }
        scorer = new Scorer(random.nextLong());
    }

    @Benchmark
    public Decision score() {
        return scorer.score(guesses[next++ & (guesses.length - 1)]);
    }
}
