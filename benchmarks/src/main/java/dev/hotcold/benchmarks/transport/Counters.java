package dev.hotcold.benchmarks.transport;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Games and round trips completed, which JMH reports as rates next to the operations: in
 * throughput mode {@code games} is games/s and {@code roundTrips} round trips/s (one round trip:
 * a {@code NUMBER} and the guess that answers it).
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class Counters {
    public long games;
    public long roundTrips;

    @Setup(Level.Iteration)
    public void reset() {
        games = 0;
        roundTrips = 0;
    }
}
