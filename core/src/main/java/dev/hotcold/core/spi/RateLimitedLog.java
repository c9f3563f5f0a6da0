package dev.hotcold.core.spi;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A warning log that speaks at most once per interval and says how many it kept quiet, so that
 * a failure on every command cannot flood the log. Costs nothing until something is logged.
 */
public final class RateLimitedLog {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final System.Logger logger;
    private final AtomicLong nextAllowed = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressed = new AtomicLong();

    /**
     * A log writing to the {@link System.Logger} named {@code name}.
     *
     * @param name the logger's name
     */
    public RateLimitedLog(String name) {
        this.logger = System.getLogger(name);
    }

    /**
     * Logs {@code message} and {@code failure} as a warning, unless one was logged within the interval.
     *
     * @param message what went wrong
     * @param failure the cause, logged with its stack trace
     */
    public void warn(String message, Throwable failure) {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if (now - next >= 0 && nextAllowed.compareAndSet(next, now + INTERVAL_NANOS)) {
            long quiet = suppressed.getAndSet(0);
            logger.log(Level.WARNING, quiet == 0 ? message : message + " (" + quiet + " more kept quiet)", failure);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
