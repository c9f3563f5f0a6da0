package dev.hotcold.benchmarks.core;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.server.ServerConnection;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.spi.Channel;
import dev.hotcold.core.spi.Endpoint;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * {@link SessionRoundTripBenchmark}'s round trip one layer up, through the {@link ServerConnection}
 * a transport drives: where the JDK Flight Recorder events are made and the server's observer is
 * called. What {@code observing} the server is under:
 * <ul>
 *   <li>{@code nothing}: no observer and no recording, every event disabled. With the jar built
 *       from a commit before the events existed on the class path first, the same row is the
 *       round trip without them (see BENCHMARKS.md);</li>
 *   <li>{@code jfr-default}: a recording with the JDK's {@code default} settings, as
 *       {@code -XX:StartFlightRecording} or {@code serve --jfr} makes one (the per-round-trip event
 *       stays off);</li>
 *   <li>{@code jfr-all}: a recording of every hotcold event, the per-round-trip one too;</li>
 *   <li>{@code meters}: {@code hotcold-micrometer}'s observer on a {@code SimpleMeterRegistry};</li>
 *   <li>{@code meters-histograms}: the same with {@code HotColdMeters.histogramsOnly()}, as
 *       {@code serve --metrics-port} keeps them for Prometheus.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConnectionRoundTripBenchmark {
    private static final byte[] ROUND_TRIP = "NUMBER\nREPORT Warmer\n".getBytes(StandardCharsets.US_ASCII);

    @Param({"nothing", "jfr-default", "jfr-all", "meters", "meters-histograms"})
    public String observing;

    private ServerLifecycle server;
    private ServerConnection connection;
    private ByteBuffer in;
    private ByteBuffer out;
    /** The running recording, for the {@code jfr} rows; kept as Object so that no other row loads JFR. */
    private AutoCloseable recording;

    @Setup
    public void connect() throws Exception {
        ServerConfig.Builder config = ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(8));
        // Each mode's classes are named only in its own branch, so that the "nothing" row runs
        // against a core from before the observer and the events existed.
        switch (observing) {
            case "nothing" -> { }
            case "jfr-default" -> recording = Observing.jfr(false);
            case "jfr-all" -> recording = Observing.jfr(true);
            case "meters" -> config = Observing.meters(config);
            case "meters-histograms" -> config = Observing.histogramMeters(config);
            default -> throw new IllegalArgumentException("observing: no such mode " + observing);
        }
        server = new ServerLifecycle(config.build(), new StillEndpoint());
        connection = server.admit(new StillChannel()).orElseThrow();
        in = ByteBuffer.allocateDirect(ROUND_TRIP.length);
        out = ByteBuffer.allocateDirect(4096);
        connection.receive(ByteBuffer.wrap(("PARAMS " + Long.MIN_VALUE + " " + Long.MAX_VALUE + "\n")
                .getBytes(StandardCharsets.US_ASCII)), out, 0);
        if (out.position() != 0) {
            throw new IllegalStateException("PARAMS was not accepted");
        }
        in.put(ROUND_TRIP).flip();
    }

    @TearDown
    public void close() throws Exception {
        connection.closed();
        server.shutdownNow();
        if (recording != null) {
            recording.close();
        }
    }

    /** @return the reply bytes written, a guess and its line feed */
    @Benchmark
    public int roundTrip() {
        in.rewind();
        out.clear();
        connection.receive(in, out, 0);
        return out.position();
    }

    /** A listening endpoint that accepts nothing: the benchmark admits its channel by hand. */
    private static final class StillEndpoint implements Endpoint {
        private volatile boolean released;

        @Override
        public SocketAddress address() {
            return new InetSocketAddress("127.0.0.1", 0);
        }

        @Override
        public void stopAccepting() {}

        @Override
        public void release() {
            released = true;
        }

        @Override
        public boolean isTerminated() {
            return released;
        }

        @Override
        public boolean awaitTermination(long nanos) {
            return released;
        }
    }

    /** A channel whose bytes the benchmark moves itself. */
    private static final class StillChannel implements Channel {
        private static final SocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40_000);

        @Override
        public SocketAddress remoteAddress() {
            return CLIENT;
        }

        @Override
        public void refuse(ByteBuffer reply) {
            throw new IllegalStateException("the benchmark's server refused its connection");
        }

        @Override
        public void endInput() {}

        @Override
        public void close() {}
    }
}
