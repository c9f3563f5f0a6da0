package dev.hotcold.benchmarks.transport;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ReplyListener;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the asynchronous client's read path costs per round trip, by how a reply is awaited: a
 * {@code receive()} stage per reply ({@code stage}, what {@code AsyncGame} and most callers use), or
 * one {@link ReplyListener} per connection with commands {@linkplain AsyncGameConnection#post
 * posted} ({@code listener}, what {@code ./hotcold load} uses). The client is hotcold's NIO client
 * (one loop) against hotcold's NIO server in the same process, guessing at random on [1, 2^62],
 * so no game ends and nothing is made per game on either side: with {@code -prof gc}, B/op is what
 * a round trip allocates, the server's share included (none: its round trip allocates nothing,
 * see {@code ConnectionRoundTripBenchmark}).
 *
 * <p>One operation is one round trip ({@code NUMBER} and its guess); each invocation plays
 * {@value #ROUND_TRIPS} of them, spread over {@code connections} connections that each keep one
 * {@code NUMBER} in flight, all driven from the client loop; the benchmark thread only starts them
 * and waits for the last.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClientRoundTripBenchmark {
    static final int ROUND_TRIPS = 4096;
    private static final long UPPER = 1L << 62;

    @Param({"stage", "listener"})
    public String api;

    @Param({"1", "16"})
    public int connections;

    private Endpoint endpoint;
    private Driver[] drivers;
    private final AtomicInteger running = new AtomicInteger();
    private volatile Thread waiter;
    private volatile Throwable failure;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        if (!api.equals("stage") && !api.equals("listener")) {
            throw new IllegalArgumentException("api is stage or listener, not '" + api + "'");
        }
        endpoint = Endpoint.open("nio");
        drivers = new Driver[connections];
        for (int i = 0; i < connections; i++) {
            AsyncGameConnection connection = endpoint.connectAsync();
            connection.post(new Command.Params(1, UPPER));
            drivers[i] = new Driver(connection, api.equals("listener"));
        }
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        try {
            for (Driver driver : drivers) {
                if (driver != null) {
                    driver.connection.close();
                }
            }
        } finally {
            endpoint.close();
        }
    }

    /** Plays {@value #ROUND_TRIPS} round trips; returns once the last reply is in. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void roundTrips() throws Exception {
        waiter = Thread.currentThread();
        running.set(connections);
        for (Driver driver : drivers) {
            driver.start(ROUND_TRIPS / connections);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (running.get() > 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException(running.get() + " connections still playing after 30 s");
            }
        }
        if (failure != null) {
            throw new IllegalStateException("a round trip failed", failure);
        }
    }

    /** One connection's round trips, each asked for from the last one's reply, on the client loop. */
    private final class Driver implements ReplyListener, BiConsumer<Reply, Throwable> {
        final AsyncGameConnection connection;
        private final boolean listener;
        private int left;

        Driver(AsyncGameConnection connection, boolean listener) {
            this.connection = connection;
            this.listener = listener;
        }

        void start(int roundTrips) {
            left = roundTrips;
            next();
        }

        private void next() {
            if (listener) {
                connection.post(Command.NumberRequest.INSTANCE);
                connection.receive((ReplyListener) this);
            } else {
                connection.send(Command.NumberRequest.INSTANCE);
                connection.receive().whenComplete(this);
            }
        }

        @Override
        public void onGuess(long number) {
            if (--left > 0) {
                next();
            } else if (running.decrementAndGet() == 0) {
                LockSupport.unpark(waiter);
            }
        }

        @Override
        public void onOtherReply(Reply reply) {
            onFailure(new IllegalStateException("not a guess: " + reply));
        }

        @Override
        public void onFailure(Throwable cause) {
            failure = cause;
            running.set(0);
            LockSupport.unpark(waiter);
        }

        @Override
        public void accept(Reply reply, Throwable cause) {
            if (cause != null) {
                onFailure(cause);
            } else {
                onReply(reply);
            }
        }
    }
}
