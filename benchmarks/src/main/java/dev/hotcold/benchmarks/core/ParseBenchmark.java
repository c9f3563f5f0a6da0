package dev.hotcold.benchmarks.core;

import dev.hotcold.core.codec.CommandParser;
import dev.hotcold.core.protocol.ParsedLine;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one client line into a command, from bytes already framed (the server's hot path).
 * {@code NUMBER} and {@code REPORT} come back as shared instances; {@code PARAMS} allocates its
 * record, once per game.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
    @Param({"NUMBER", "REPORT Warmer", "PARAMS 1 1000000"})
    public String line;

    private ByteBuffer bytes;
    private int length;

    @Setup
    public void frame() {
        // A direct buffer, as a transport reading a socket into one hands it to the parser.
        byte[] ascii = line.getBytes(StandardCharsets.US_ASCII);
        bytes = ByteBuffer.allocateDirect(ascii.length).put(ascii).flip();
        length = ascii.length;
    }

    @Benchmark
    public ParsedLine parse() {
        return CommandParser.parse(bytes, 0, length);
    }
}
