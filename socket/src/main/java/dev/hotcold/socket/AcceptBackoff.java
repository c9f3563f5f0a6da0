package dev.hotcold.socket;

import java.lang.System.Logger.Level;
import java.util.concurrent.locks.LockSupport;

/**
 * What an accept loop does when {@code accept} fails: wait a little longer each time (10 ms
 * doubling to 1 s), log at most once per 10 s, and never throw. Out of file descriptors, everything
 * that opens a file fails too, logging included (the first log record loads the time-zone data),
 * so failures of the log call itself, {@link Error}s among them, are swallowed: the accept thread
 * lives on and serves again as soon as descriptors are free.
 *
 * <pre>{@code
 * AcceptBackoff backoff = new AcceptBackoff(LOG, "hotcold-server-nio-acceptor");  // before accepting
 * while (listener.isOpen()) {
 *     try {
 *         SocketChannel channel = listener.accept();
 *         backoff.succeeded();
 *         admit(channel);
 *     } catch (Throwable failure) {
 *         if (listener.isOpen()) {
 *             backoff.failed(failure);
 *         }
 *     }
 * }
 * // elsewhere, on shutdown: listener.close(), which ends accept() and so the loop
 * }</pre>
 *
 * <p>Create it before the loop starts, so that its class is loaded while files can still be
 * opened. One per accept loop; its methods are called by that loop's thread. A pause is not
 * interrupted by a shutdown: the loop sees the closed listener when it ends, at most 1 s later.
 */
public final class AcceptBackoff {
    static final long MIN_DELAY_NANOS = 10_000_000L;
    static final long MAX_DELAY_NANOS = 1_000_000_000L;
    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final System.Logger log;
    private final String loopName;
    private long delayNanos;
    private long failures;
    private long unreported;
    private long lastReport;
    private boolean reportedOnce;

    /**
     * A backoff that has seen no failure yet.
     *
     * @param log where failures are reported
     * @param loopName names the loop in log messages, such as the thread's name
     */
    public AcceptBackoff(System.Logger log, String loopName) {
        this.log = log;
        this.loopName = loopName;
        // The default log format stamps records with the local time: load the zone rules now, so
        // that the warning can still be written when no file can be opened.
        java.time.ZoneId.systemDefault().getRules();
    }

    /**
     * Records a failed accept and waits before the next: 10 ms after the first failure in a row,
     * doubling to at most 1 s. Never throws.
     *
     * @param failure what the accept threw, reported in the log
     */
    public void failed(Throwable failure) {
        try {
            failures++;
            unreported++;
            delayNanos = delayNanos == 0 ? MIN_DELAY_NANOS : Math.min(MAX_DELAY_NANOS, delayNanos * 2);
            long now = System.nanoTime();
            if (!reportedOnce || now - lastReport >= LOG_INTERVAL_NANOS) {
                reportedOnce = true;
                lastReport = now;
                long count = unreported;
                unreported = 0;
                report(failure, count);
            }
            pause(delayNanos);
        } catch (Throwable any) {
            // Even the arithmetic above must not end the loop; wait the longest and go on.
            pause(MAX_DELAY_NANOS);
        }
    }

    /** Records a successful accept: the next failure waits the shortest again. Never throws. */
    public void succeeded() {
        if (failures == 0) {
            return;
        }
        long count = failures;
        failures = 0;
        unreported = 0;
        delayNanos = 0;
        reportedOnce = false;
        try {
            log.log(Level.INFO, loopName + " accepts again after " + count + " failed accepts");
        } catch (Throwable ignored) {
            // See report: a log that cannot be written must not cost the connection.
        }
    }

    /**
     * Failed accepts since the last successful one.
     *
     * @return the number of failures in a row
     */
    public long failures() {
        return failures;
    }

    private void report(Throwable failure, long count) {
        try {
            log.log(Level.WARNING, loopName + ": accept failed" + (count > 1 ? " (" + count + " times since the last report)" : "")
                    + "; trying again, waiting up to " + MAX_DELAY_NANOS / 1_000_000 + " ms between tries", failure);
        } catch (Throwable ignored) {
            // Out of file descriptors, the log may fail the same way (an Error from loading the
            // time-zone data, say). The loop matters more than the record.
        }
    }

    private static void pause(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left;
        // An interrupted thread would not park: return, and let accept report the interrupt.
        while (!Thread.currentThread().isInterrupted() && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
