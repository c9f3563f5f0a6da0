package dev.hotcold.cli;

import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.protocol.Decision;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Prints the server's half of the transcript, {@code Server: N is D}, and counts finished games.
 *
 * <p>The listener runs on the server's threads (a connection's thread, or the threads that
 * deliver an event loop's events), so it never writes to standard output itself: it hands each
 * line to one printer thread through a queue of at most {@code capacity} lines, and returns. When
 * standard output cannot keep up (a terminal on hold, a pipe nobody reads) and the queue is full,
 * further reports are counted instead of queued, and once the printer has caught up it says
 * how many it left out: {@code (N reports not printed: standard output was too slow)}. A slow
 * standard output thus costs lines, never a game.
 *
 * <p>{@link #awaitPrinted} waits until every report so far is printed (or counted); {@link #close()}
 * does that, within {@link #PRINT_BOUND}, and ends the printer thread. Lines are written under the
 * writer's monitor, so other lines written under it (serve's own) are never cut into.
 */
final class ServerPrinter implements GameListener, AutoCloseable {
    /** Reports queued at most: under a megabyte of lines. */
    static final int CAPACITY = 10_000;
    /** The longest {@link #close()} and the commands wait for queued lines to be printed. */
    static final Duration PRINT_BOUND = Duration.ofSeconds(5);
    /** The printer thread's name. */
    static final String THREAD_NAME = "hotcold-serve-printer";

    private final PrintWriter out;
    private final int capacity;
    private final Semaphore gamesCleared = new Semaphore(0);
    /** Prints the queued lines; null when quiet. */
    private final Thread printer;

    private final Object lock = new Object();
    // Guarded by lock:
    private final ArrayDeque<String> queued = new ArrayDeque<>();
    /** Reports seen: queued, or counted as not printed. */
    private long reported;
    /** Reports printed, or announced as not printed. */
    private long handled;
    /** Reports not queued since the printer last said how many it left out. */
    private long notPrinted;
    private boolean printerWaiting;
    private boolean closing;

    /** A printer with a queue of {@link #CAPACITY} lines; when {@code quiet}, it prints nothing and starts no thread. */
    ServerPrinter(PrintWriter out, boolean quiet) {
        this(out, quiet, CAPACITY);
    }

    ServerPrinter(PrintWriter out, boolean quiet, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.out = out;
        this.capacity = capacity;
        this.printer = quiet ? null : Thread.ofPlatform().name(THREAD_NAME).daemon(true).start(this::printQueued);
    }

    @Override
    public void onReport(ConnectionInfo connection, long guess, Decision decision) {
        if (printer == null) {
            return;
        }
        String line = "Server: " + guess + " is " + decision;
        synchronized (lock) {
            if (closing) {
                return;
            }
            reported++;
            if (queued.size() < capacity) {
                queued.add(line);
            } else {
                notPrinted++;
            }
            if (printerWaiting) {
                lock.notifyAll();
            }
        }
    }

    @Override
    public void onGameCleared(ConnectionInfo connection) {
        gamesCleared.release();
    }

    /**
     * Waits until the server has seen the {@code CLEAR} of one more game, and the reports before
     * it are printed.
     */
    void awaitGameCleared() throws InterruptedException {
        gamesCleared.acquire();
        awaitPrinted(PRINT_BOUND);
    }

    /**
     * Waits until every report seen so far is printed, or counted in a line saying how many were
     * not; at most {@code bound}. Returns whether they all were.
     */
    boolean awaitPrinted(Duration bound) throws InterruptedException {
        if (printer == null) {
            return true;
        }
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lock) {
            long target = reported;
            while (handled < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /**
     * Prints what is queued (within {@link #PRINT_BOUND}) and ends the printer thread; reports
     * after this are ignored. A printer stuck on a standard output that takes nothing is left
     * behind, a daemon thread, rather than holding up the process.
     */
    @Override
    public void close() {
        if (printer == null) {
            return;
        }
        long deadline = System.nanoTime() + PRINT_BOUND.toNanos();
        boolean interrupted = false;
        try {
            awaitPrinted(PRINT_BOUND);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        if (!interrupted) {
            try {
                printer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The printer thread: takes everything queued at once, prints it, and says what it left out once caught up. */
    private void printQueued() {
        List<String> batch = new ArrayList<>();
        try {
            while (true) {
                long leftOut;
                synchronized (lock) {
                    while (queued.isEmpty() && notPrinted == 0 && !closing) {
                        printerWaiting = true;
                        lock.wait();
                        printerWaiting = false;
                    }
                    if (queued.isEmpty() && notPrinted == 0) {
                        return;   // closing, and everything is printed
                    }
                    batch.addAll(queued);
                    queued.clear();
                    leftOut = notPrinted;   // the queue is empty now: caught up
                    notPrinted = 0;
                }
                print(batch, leftOut);
                synchronized (lock) {
                    handled += batch.size() + leftOut;
                    lock.notifyAll();
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            // Nobody interrupts this thread; if something does, it ends.
        }
    }

    private void print(List<String> lines, long leftOut) {
        String newline = System.lineSeparator();
        synchronized (out) {
            for (String line : lines) {
                out.write(line);
                out.write(newline);
            }
            if (leftOut > 0) {
                out.write("(" + leftOut + (leftOut == 1 ? " report" : " reports")
                        + " not printed: standard output was too slow)" + newline);
            }
            out.flush();
        }
    }
}
