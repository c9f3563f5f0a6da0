package dev.hotcold.testkit;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link GameListener} that records what it hears and lets tests wait for events. */
public final class RecordingListener implements GameListener {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<ErrorReason> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Semaphore opened = new Semaphore(0);
    private final Semaphore closed = new Semaphore(0);
    private final Semaphore cleared = new Semaphore(0);

    /** A listener that has heard nothing yet. */
    public RecordingListener() {}

    @Override
    public void onConnectionOpened(ConnectionInfo connection) {
        open.incrementAndGet();
        opened.release();
    }

    @Override
    public void onConnectionClosed(ConnectionInfo connection) {
        open.decrementAndGet();
        closed.release();
    }

    @Override
    public void onReport(ConnectionInfo connection, long guess, Decision decision) {
        reports.add(guess + " is " + decision);
    }

    @Override
    public void onGameCleared(ConnectionInfo connection) {
        cleared.release();
    }

    @Override
    public void onError(ConnectionInfo connection, ErrorReason reason, Optional<Throwable> cause) {
        errors.add(reason);
    }

    /**
     * Reports heard so far, as {@code N is D}, in order.
     *
     * @return a copy of the reports
     */
    public List<String> reports() {
        return List.copyOf(reports);
    }

    /**
     * Error replies heard so far, in order.
     *
     * @return a copy of the reasons
     */
    public List<ErrorReason> errors() {
        return List.copyOf(errors);
    }

    /**
     * Connections opened and not yet closed, as the listener heard it.
     *
     * @return the number of open connections
     */
    public int openConnections() {
        return open.get();
    }

    /**
     * Waits until {@code count} more connections were opened than earlier waits took, failing the
     * test after 30 seconds.
     *
     * @param count how many opens to wait for
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitOpened(int count) throws InterruptedException {
        await(opened, count, "connections opened");
    }

    /**
     * Waits until {@code count} more connections were closed than earlier waits took, failing the
     * test after 30 seconds.
     *
     * @param count how many closes to wait for
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitClosed(int count) throws InterruptedException {
        await(closed, count, "connections closed");
    }

    /**
     * Waits until {@code count} more games were cleared than earlier waits took, failing the test
     * after 30 seconds.
     *
     * @param count how many clears to wait for
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitCleared(int count) throws InterruptedException {
        await(cleared, count, "games cleared");
    }

    private static void await(Semaphore events, int count, String what) throws InterruptedException {
        if (!events.tryAcquire(count, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + count + " " + what
                    + ", heard " + events.availablePermits());
        }
    }
}
