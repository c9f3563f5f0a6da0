package dev.hotcold.benchmarks.transport;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Whole games through the blocking client API, {@link Game}: {@code clients} connections, each
 * playing games on [1, 100] with seeded random secrets against a server that guesses at random
 * (about 50 round trips a game).
 *
 * <p>One operation: every client plays one game, all at once, each on a virtual thread of its
 * own (also with one client, so that every row plays on the same kind of thread). The {@code games} and {@code roundTrips}
 * counters give the rates; allocation per round trip is {@code gc.alloc.rate.norm} divided by
 * round trips per operation ({@code roundTrips / ops}), and counts every thread of the process,
 * the server's included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockingGamesBenchmark {
    @Param({"piped", "blocking-platform", "blocking-virtual", "nio", "hotcold-netty", "netty"})
    public String transport;

    @Param({"1", "16", "256"})
    public int clients;

    private Endpoint endpoint;
    private final List<GameConnection> connections = new ArrayList<>();
    private Secrets secrets;
    private ExecutorService clientThreads;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        endpoint = Endpoint.open(transport);
        secrets = new Secrets(clients);
        for (int i = 0; i < clients; i++) {
            connections.add(endpoint.connect());
        }
        clientThreads = Executors.newVirtualThreadPerTaskExecutor();
    }

    @TearDown(Level.Trial)
    public void disconnect() throws Exception {
        try {
            clientThreads.shutdownNow();
            if (!clientThreads.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("client threads did not end");
            }
            for (GameConnection connection : connections) {
                connection.close();
            }
        } finally {
            endpoint.close();
        }
    }

    @Benchmark
    public void games(Counters counters) throws Exception {
        List<Future<Integer>> games = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            games.add(clientThreads.submit(() -> play(client)));
        }
        long roundTrips = 0;
        for (Future<Integer> game : games) {
            roundTrips += game.get(60, TimeUnit.SECONDS);
        }
        counters.games += clients;
        counters.roundTrips += roundTrips;
    }

    /** One game of one client, to Correct; its round trips. */
    private int play(int client) throws IOException {
        int roundTrips = 0;
        try (Game game = Game.start(connections.get(client), Secrets.LOWER, Secrets.UPPER, secrets.next(client))) {
            for (Outcome ignored : game) {
                roundTrips++;
            }
        }
        return roundTrips;
    }
}
