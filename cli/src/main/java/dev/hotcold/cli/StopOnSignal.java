package dev.hotcold.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns the JVM's shutdown (SIGTERM, Ctrl-C, a hang-up) into a graceful stop driven by the
 * command's own thread, and keeps the JVM alive until that stop is over.
 *
 * <p>The JVM exits as soon as its shutdown hooks return, so a hook that only asks for a stop cuts
 * every game in play. This hook asks for the stop, then waits until the command reports that the
 * server has terminated (or {@code bound} passes). It then ends the process with the command's
 * status: left alone, the JVM would exit with 128 + the signal's number (143 for SIGTERM, 130 for
 * Ctrl-C), which would call a clean, graceful stop a failure. {@link Runtime#halt} is safe here
 * because this program registers no other hook whose work matters.
 *
 * <pre>{@code
 * try (StopOnSignal signals = new StopOnSignal(stopRequested::complete, bound, out::flush)) {
 *     stopRequested.join();
 *     ... stop the server ...
 *     signals.stopped(0);
 * }
 * }</pre>
 */
final class StopOnSignal implements AutoCloseable {
    private final Thread hook;
    private final CompletableFuture<Integer> stopped = new CompletableFuture<>();

    /**
     * @param requestStop asks the command's thread to stop; called on the hook's thread
     * @param bound how long the hook waits for {@link #stopped} before it gives up with status 1
     * @param flush run before the process ends, so that the last lines printed are not lost
     */
    StopOnSignal(Runnable requestStop, Duration bound, Runnable flush) {
        hook = new Thread(() -> {
            requestStop.run();
            int status = awaitStatus(bound);
            flush.run();
            Runtime.getRuntime().halt(status);
        }, "hotcold-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Reports that the stop is over, with the process's exit status. */
    void stopped(int status) {
        stopped.complete(status);
    }

    private int awaitStatus(Duration bound) {
        try {
            return stopped.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Removes the hook when the command ends on its own; during a shutdown the hook is running. */
    @Override
    public void close() {
        stopped.complete(1);   // a hook already running must not wait for a report that will not come
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is shutting down: the hook runs and ends the process.
        }
    }
}
