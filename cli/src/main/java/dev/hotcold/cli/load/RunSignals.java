package dev.hotcold.cli.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What connections and the run tell each other, across threads: that a connection has settled
 * (its first reply came, or it ended), which frees a connect slot; that the connect phase is over
 * and connections may play on; and that the run is over.
 *
 * <p>The connect slots pace the connect phase. A connection holds one from its connect until the
 * server first answers it, which proves the server accepted it; so no more than the window wait
 * in the server's listen backlog at once, instead of all of them in a thundering herd.
 */
final class RunSignals {
    private final Semaphore connectSlots;
    private final CountDownLatch unsettled;
    private volatile boolean released;
    private volatile boolean over;

    RunSignals(int connections, int connectWindow) {
        this.connectSlots = new Semaphore(connectWindow);
        this.unsettled = new CountDownLatch(connections);
    }

    /** Waits up to {@code nanos} for a connect slot; true if one was taken. */
    boolean takeConnectSlot(long nanos) throws InterruptedException {
        return connectSlots.tryAcquire(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    void settled() {
        connectSlots.release();
        unsettled.countDown();
    }

    /** Counts a connection that was never started as settled. */
    void neverStarted() {
        unsettled.countDown();
    }

    /** Waits up to {@code nanos} for every connection to settle; true if they all have. */
    boolean awaitAllSettled(long nanos) throws InterruptedException {
        return unsettled.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Ends the connect phase: connections holding after their first reply may play on. */
    void markReleased() {
        released = true;
    }

    boolean isReleased() {
        return released;
    }

    void markOver() {
        over = true;
    }

    boolean isOver() {
        return over;
    }
}
