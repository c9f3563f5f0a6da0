package dev.hotcold.cli.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the connections did, counted as it happens: games won, round trips with their latency,
 * errors by kind. Connections write from the client loop; the run reads from its own thread, so
 * counters are adders and latencies go to an HdrHistogram {@link Recorder}, whose interval
 * histograms the run takes once a second.
 */
final class LoadStats {
    private final LongAdder games = new LongAdder();
    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder[] errors = new LongAdder[ErrorKind.values().length];
    /** Round-trip latency in nanoseconds; resizes itself, so no value is ever out of range. */
    private final Recorder latency = new Recorder(3);

    LoadStats() {
        for (int i = 0; i < errors.length; i++) {
            errors[i] = new LongAdder();
        }
    }

    void roundTrip(long latencyNanos) {
        roundTrips.increment();
        latency.recordValue(Math.max(0, latencyNanos));
    }

    void gameWon() {
        games.increment();
    }

    void error(ErrorKind kind) {
        errors[kind.ordinal()].increment();
    }

    long games() {
        return games.sum();
    }

    long roundTrips() {
        return roundTrips.sum();
    }

    long errors() {
        long total = 0;
        for (LongAdder count : errors) {
            total += count.sum();
        }
        return total;
    }

    /** Every kind, in declaration order, with its count (zeros included). */
    Map<ErrorKind, Long> errorsByKind() {
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            byKind.put(kind, errors[kind.ordinal()].sum());
        }
        return byKind;
    }

    /** The latencies recorded since the last call; the recorder starts a new interval. */
    Histogram takeInterval(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }
}
