package dev.hotcold.benchmarks.core;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.codec.LineFramer;
import dev.hotcold.core.session.ServerSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * One round trip through a {@link ServerSession}, bytes in to bytes out: the client's
 * {@code NUMBER} answered by a guess, then its {@code REPORT} on that guess, in one chunk as a
 * client that pipelines the report with the next request sends them. Framing, parsing, dispatch,
 * the random guess and writing the reply are all in it; the socket is not.
 *
 * <p>The game is started once, in setup, on the whole {@code long} range (2<sup>64</sup>
 * numbers): it never runs out of guesses, so every measured call is the steady state with no
 * restart inside it. Target: at most 100 ns and 0 bytes allocated per round trip.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionRoundTripBenchmark {
    private static final byte[] ROUND_TRIP = "NUMBER\nREPORT Warmer\n".getBytes(StandardCharsets.US_ASCII);

    private ServerSession session;
    private ByteBuffer in;
    private ByteBuffer out;

    @Setup
    public void startGame() {
        session = new ServerSession(GuessStrategy.random(8), LineFramer.DEFAULT_MAX_LINE_LENGTH, false);
        // Direct buffers, as a socket transport has: the session reads and writes them in place.
        in = ByteBuffer.allocateDirect(ROUND_TRIP.length);
        out = ByteBuffer.allocateDirect(4096);
        ByteBuffer params = ByteBuffer.wrap(("PARAMS " + Long.MIN_VALUE + " " + Long.MAX_VALUE + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        session.receive(params, out);
        if (out.position() != 0 || !session.inGame()) {
            throw new IllegalStateException("PARAMS was not accepted");
        }
        in.put(ROUND_TRIP).flip();
    }

    /** @return the reply bytes written, a guess and its line feed */
    @Benchmark
    public int roundTrip() {
        in.rewind();
        out.clear();
        session.receive(in, out);
        return out.position();
    }
}
