package dev.hotcold.transport.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 */
abstract class EventLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    protected final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Thread thread;
    /** {@link #onReady} as the selector's action, made once rather than on every select. */
    private final Consumer<SelectionKey> readyAction = this::onReady;
    /** Set once the loop has ended; tasks handed over later run on the caller's thread. */
    private volatile boolean terminated;

    EventLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
    }

    final void start() {
        thread.start();
    }

    final Thread thread() {
        return thread;
    }

    final boolean inLoop() {
        return Thread.currentThread() == thread;
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
                long timeout = timeoutMillis();
                selector.select(readyAction, timeout);
                if (wakeupPending.get()) {
                    wakeupPending.set(false);   // a volatile write only when a wakeup came
                }
                runTasks();
                try {
                    afterBatch();
                } catch (RuntimeException e) {
                    // A timer's failure must not end the loop that serves every other connection.
                    LOG.log(Level.ERROR, "after-batch work failed on " + thread.getName(), e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.ERROR, "event loop " + thread.getName() + " failed", e);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "event loop " + thread.getName() + " failed", e);
            throw e;
        } finally {
            try {
                onStop();
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

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "task failed on " + thread.getName(), e);
            }
        }
    }

    /** Waits for the thread to end, at most {@code nanos}; true if it has. */
    final boolean join(long nanos) throws InterruptedException {
        return thread.join(java.time.Duration.ofNanos(Math.max(1, nanos)));
    }

    /** Handles one ready key. */
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
