package dev.hotcold.testkit;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.session.ConnectionInfo;
import dev.hotcold.core.session.GameListener;
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

    /** Reports heard so far, as {@code N is D}, in order. */
    public List<String> reports() {
        return List.copyOf(reports);
    }

    public List<ErrorReason> errors() {
        return List.copyOf(errors);
    }

    /** Connections opened and not yet closed, as the listener heard it. */
    public int openConnections() {
        return open.get();
    }

    public void awaitOpened(int count) throws InterruptedException {
        await(opened, count, "connections opened");
    }

    public void awaitClosed(int count) throws InterruptedException {
        await(closed, count, "connections closed");
    }

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
