package dev.hotcold.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one logger publishes while a test runs, for tests where the log is the behaviour
 * (a failure logged, rate-limited). {@link System.Logger} goes to {@code java.util.logging} by
 * default, so this listens there; the records also go on to the logger's other handlers as usual.
 *
 * <pre>{@code
 * try (LogRecords logged = LogRecords.of("dev.hotcold.core.events.GameListener")) {
 *     ...
 *     assertFalse(logged.records().isEmpty());
 * }
 * }</pre>
 */
public final class LogRecords extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /**
     * Starts listening to the logger called {@code name} and every logger under it.
     *
     * @param name the logger's name, such as a class name
     * @return the capture; close it to stop listening
     */
    public static LogRecords of(String name) {
        return new LogRecords(Logger.getLogger(name));
    }

    /**
     * What was logged so far, in order.
     *
     * @return a copy of the records
     */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    /** Stops listening. */
    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
