package dev.hotcold.benchmarks.core;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One guess of the seed's random strategy on a range of 2<sup>62</sup> numbers, after 10<sup>6</sup>
 * guesses in the same game: the seed's list of past guesses would be scanned a million times per
 * guess here; hotcold's permutation costs the same at every guess. Target: at most 100 ns, 0 B.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandomGuessBenchmark {
    static final long RANGE_SIZE = 1L << 62;
    static final int GUESSES_BEFORE = 1_000_000;

    private final GuessStrategy strategy = GuessStrategy.random(62);
    private Guesser guesser;

    /** A fresh game per iteration, each measured from its millionth guess on. */
    @Setup(Level.Iteration)
    public void guessAMillionTimes() {
        guesser = strategy.newGame(1, RANGE_SIZE);
        for (int i = 0; i < GUESSES_BEFORE; i++) {
            guesser.next();
        }
    }

    @Benchmark
    public long guess() {
        return guesser.next();
    }
}
