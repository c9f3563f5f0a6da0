package dev.hotcold.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A clock that moves only when told (grpc's {@code FakeClock}), for
 * {@link dev.hotcold.core.server.ServerConfig.Builder#nanoClock}. It counts how often it is
 * read, so that a test can wait until the server has looked at the time it set.
 */
public final class FakeClock implements LongSupplier {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final AtomicLong reads = new AtomicLong();

    /** A clock at an arbitrary fixed time, read no times yet. */
    public FakeClock() {}

    @Override
    public long getAsLong() {
        synchronized (reads) {
            reads.incrementAndGet();
            reads.notifyAll();
        }
        return now.get();
    }

    /**
     * Moves time on by {@code duration}.
     *
     * @param duration how far to move
     */
    public void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /**
     * How often the clock has been read so far.
     *
     * @return the number of reads
     */
    public long reads() {
        return reads.get();
    }

    /**
     * Waits until the clock has been read {@code count} times more than {@code since}.
     *
     * @param since a count from {@link #reads()}
     * @param count how many more reads to wait for
     * @param timeout how long to wait before failing the test
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitReads(long since, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (reads) {
            while (reads.get() - since < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the server read the clock " + (reads.get() - since)
                            + " times, not " + count);
                }
                TimeUnit.NANOSECONDS.timedWait(reads, left);
            }
        }
    }
}
