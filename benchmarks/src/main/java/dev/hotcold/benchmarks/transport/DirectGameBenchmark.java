package dev.hotcold.benchmarks.transport;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.transport.inmemory.DirectConnection;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole games through {@link Game} over the in-memory direct mode ({@link DirectConnection}): the
 * server's session runs on the calling thread, no pipe, lock or thread. This is the row for
 * {@code transport=direct, clients=1}: the direct mode has no concurrency and no asynchronous
 * client, so there is no other row. One operation is one game on [1, 100] (about 50 round
 * trips); counters as in {@link BlockingGamesBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DirectGameBenchmark {
    private DirectConnection connection;
    private Secrets secrets;

    @Setup
    public void connect() {
        connection = new DirectConnection(GuessStrategy.random(Endpoint.SERVER_SEED));
        secrets = new Secrets(1);
    }

    @TearDown
    public void disconnect() {
        connection.close();
    }

    @Benchmark
    public void games(Counters counters) throws IOException {
        int roundTrips = 0;
        try (Game game = Game.start(connection, Secrets.LOWER, Secrets.UPPER, secrets.next(0))) {
            for (Outcome ignored : game) {
                roundTrips++;
            }
        }
        counters.games++;
        counters.roundTrips += roundTrips;
    }
}
