package dev.hotcold.core.boundary;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A log that speaks at most once per second and says how many records it kept quiet, so that a
 * failure on every command cannot flood the log. Costs nothing until something is logged, and
 * never throws: out of memory or out of file descriptors, logging itself can fail, and a failed
 * record must not cost the caller its thread.
 */
final class RateLimitedLog {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final System.Logger logger;
    private final Level level;
    private final AtomicLong nextAllowed = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(String name, Level level) {
        this.logger = System.getLogger(name);
        this.level = level;
    }

    /** Logs {@code message} and {@code failure}, unless a record was logged within the last second. */
    void log(String message, Throwable failure) {
        try {
            long now = System.nanoTime();
            long next = nextAllowed.get();
            if (now - next >= 0 && nextAllowed.compareAndSet(next, now + INTERVAL_NANOS)) {
                long quiet = suppressed.getAndSet(0);
                logger.log(level, quiet == 0 ? message : message + " (" + quiet + " more kept quiet)", failure);
            } else {
                suppressed.incrementAndGet();
            }
        } catch (Throwable unloggable) {
            // Nothing is left to tell it to; the caller carries on.
        }
    }
}
