package dev.hotcold.transport.nio;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One thread, one selector: waits for ready channels, runs what they need, then runs tasks other
 * threads handed over. Subclasses say what a ready key means and when the loop may end.
 *
 * <p>Other threads hand work over with {@link #execute}, which queues it and wakes the selector
 * once per batch: a flag records that a wakeup is on its way, so a burst of tasks costs one
 * wakeup, and the loop clears the flag before it runs the queue, so no task waits for a later
 * wakeup. The loop never spins: with nothing to do it blocks in {@code select}, at most until
 * the next {@link #timeoutMillis()}.
 *
 * <p>The loop ends only when {@link #shouldStop()} says so (Netty's
 * {@code NioEventLoop.handleLoopException} is the model): a key, task or timer that throws,
 * {@link Error}s included, is logged and the loop goes on; a {@code select} that fails is logged
 * and retried after a pause that doubles from 10 ms to 1 s while it keeps failing, so a broken
 * selector cannot make the loop spin. An interrupt of the loop's thread is cleared, not obeyed:
 * it would make every later {@code select} return at once.
 */
abstract class EventLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    private static final long MIN_BACKOFF_NANOS = 10_000_000L;
    private static final long MAX_BACKOFF_NANOS = 1_000_000_000L;

    protected final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Thread thread;
    /** {@link #onReady} as the selector's action, made once rather than on every select. */
    private final Consumer<SelectionKey> readyAction = this::readyKey;
    /** Set once the loop has ended; tasks handed over later run on the caller's thread. */
    private volatile boolean terminated;
    /** The pause after the last failed select; 0 while select works. */
    private long backoffNanos;

    /**
     * A loop named {@code name}, not yet started.
     *
     * @throws IOException if no selector can be opened (out of file descriptors, say)
     */
    EventLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
    }

    final void start() {
        thread.start();
    }

    final Thread thread() {
        return thread;
    }

    /** Whether {@link #start()} was called: a loop that never started has only its selector to close. */
    final boolean isStarted() {
        return thread.getState() != Thread.State.NEW;
    }

    /** Closes the selector of a loop whose thread never started (starting it failed, say). */
    final void discard() {
        terminated = true;
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }

    final boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Whether the loop has ended: it runs nothing more of its own. */
    final boolean isTerminated() {
        return terminated;
    }

    /**
     * Runs {@code task} on the loop: at once if called on it, else soon. Once the loop has ended,
     * the caller runs it (the loop's channels are closed by then, so tasks only report that).
     */
    final void execute(Runnable task) {
        if (inLoop()) {
            task.run();
        } else {
            submit(task);
        }
    }

    /** Queues {@code task} to run on the loop after what it is doing now, even when called on it. */
    final void submit(Runnable task) {
        tasks.add(task);
        if (terminated) {
            runTasks();   // the loop is gone: whoever polls a task first runs it, exactly once
        } else if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Wakes the loop so that it looks at {@link #shouldStop()} again. */
    final void wakeUp() {
        execute(() -> {});
    }

    @Override
    public final void run() {
        try {
            while (!shouldStop()) {
                runOnce();
            }
        } finally {
            try {
                onStop();
            } catch (Throwable failure) {
                log("closing what the loop held failed", failure);
            } finally {
                terminated = true;
                runTasks();
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // Nothing more to release.
                }
            }
        }
    }

    /** One round: select and handle ready keys, run tasks, run timers. Never throws. */
    private void runOnce() {
        try {
            selector.select(readyAction, timeoutMillis());
            backoffNanos = 0;
        } catch (Throwable failure) {
            selectFailed(failure);
        }
        if (Thread.interrupted()) {
            LOG.log(Level.DEBUG, () -> thread.getName() + " was interrupted; an event loop ignores interrupts");
        }
        if (wakeupPending.get()) {
            wakeupPending.set(false);   // a volatile write only when a wakeup came
        }
        runTasks();
        try {
            afterBatch();
        } catch (Throwable failure) {
            // A timer's failure must not end the loop that serves every other connection.
            log("after-batch work failed", failure);
        }
    }

    private void readyKey(SelectionKey key) {
        try {
            onReady(key);
        } catch (Throwable failure) {
            log("a ready channel's handler failed", failure);
        }
    }

    private void selectFailed(Throwable failure) {
        backoffNanos = backoffNanos == 0 ? MIN_BACKOFF_NANOS : Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        log("select failed; trying again in " + TimeUnit.NANOSECONDS.toMillis(backoffNanos) + " ms", failure);
        long deadline = System.nanoTime() + backoffNanos;
        long left;
        while (!shouldStop() && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (Throwable failure) {
                log("a task failed", failure);
            }
        }
    }

    /** Logs a failure the loop survives; a log that cannot be written must not end the loop either. */
    private void log(String what, Throwable failure) {
        try {
            LOG.log(Level.ERROR, thread.getName() + ": " + what + "; the loop goes on", failure);
        } catch (Throwable unloggable) {
            // Out of memory or descriptors: the loop matters more than the record.
        }
    }

    /** Waits for the thread to end, at most {@code nanos}; true if it has. */
    final boolean join(long nanos) throws InterruptedException {
        return thread.join(Duration.ofNanos(Math.max(1, nanos)));
    }

    /** Handles one ready key; what it throws is logged and the loop goes on. */
    protected abstract void onReady(SelectionKey key);

    /** How long select may block; 0 means until woken. */
    protected long timeoutMillis() {
        return 0;
    }

    /** Runs after each round of ready keys and tasks: flushes, timers. */
    protected void afterBatch() {}

    /** Whether the loop should end now. */
    protected abstract boolean shouldStop();

    /** Releases what the loop holds, on the loop thread, as it ends. */
    protected abstract void onStop();

    static long nanosToMillisCeil(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }
}
