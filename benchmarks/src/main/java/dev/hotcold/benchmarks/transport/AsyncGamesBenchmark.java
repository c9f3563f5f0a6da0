package dev.hotcold.benchmarks.transport;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.AsyncGameConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole games through the asynchronous client API, {@link AsyncGame}: {@code clients}
 * connections, each playing games on [1, 100] with seeded random secrets against a server that
 * guesses at random (about 50 round trips a game).
 *
 * <p>One operation: every client plays one game, all started at once from the benchmark thread,
 * which then waits for the last to end; the games run on the transport's own threads (NIO client
 * loop; two virtual threads per connection for blocking sockets; the caller's thread in memory).
 * Counters and allocation per round trip as in {@link BlockingGamesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AsyncGamesBenchmark {
    @Param({"piped", "blocking-platform", "blocking-virtual", "nio", "nio-listener", "nio-listener-on-loop", "hotcold-netty", "netty"})
    public String transport;

    @Param({"1", "16", "256"})
    public int clients;

    private Endpoint endpoint;
    private AsyncGameConnection[] connections;
    private Secrets secrets;
    /** Round trips per client in the current operation, written by the transport's threads. */
    private int[] roundTrips;
    private CompletableFuture<?>[] games;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        endpoint = Endpoint.open(transport);
        secrets = new Secrets(clients);
        connections = new AsyncGameConnection[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = endpoint.connectAsync();
        }
        roundTrips = new int[clients];
        games = new CompletableFuture<?>[clients];
    }

    @TearDown(Level.Trial)
    public void disconnect() throws Exception {
        try {
            for (AsyncGameConnection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        } finally {
            endpoint.close();
        }
    }

    @Benchmark
    public void games(Counters counters) throws Exception {
        for (int i = 0; i < clients; i++) {
            int client = i;
            roundTrips[client] = 0;
            games[client] = AsyncGame.play(connections[client], Secrets.LOWER, Secrets.UPPER,
                    secrets.next(client), game -> game.forEach(outcome -> roundTrips[client]++))
                    .toCompletableFuture();
        }
        // Completing each game happens-before allOf completes, so the counts are visible here.
        CompletableFuture.allOf(games).get(60, TimeUnit.SECONDS);
        long total = 0;
        for (int count : roundTrips) {
            total += count;
        }
        counters.games += clients;
        counters.roundTrips += total;
    }
}
