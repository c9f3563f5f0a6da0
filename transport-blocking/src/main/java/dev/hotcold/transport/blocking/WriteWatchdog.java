package dev.hotcold.transport.blocking;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds blocking writes in time. A blocking socket write has no timeout of its own: it waits for
 * as long as the peer does not read. Client connections register here; a write that has waited
 * longer than its connection's timeout gets its socket closed, which ends the write with an
 * exception.
 *
 * <p>One daemon thread serves every client connection of the JVM, and only while some are
 * registered: it ends when the last one leaves and starts again with the next. It looks a few
 * times per timeout (at most every second, at least every 10 ms), so a stalled write ends between
 * one and about one and a quarter timeouts after it began. A write costs two volatile stores.
 */
final class WriteWatchdog {
    private static final long IDLE = Long.MIN_VALUE;
    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static Thread thread;

    private WriteWatchdog() {}

    /** Starts watching the writes to {@code socket}; {@link Watch#close()} stops it. */
    static Watch watch(Socket socket, long timeoutNanos) {
        Watch watch = new Watch(socket, timeoutNanos);
        synchronized (LOCK) {
            WATCHES.add(watch);
            if (thread == null) {
                thread = Thread.ofPlatform().name("hotcold-client-write-watchdog").daemon(true).start(WriteWatchdog::run);
            }
        }
        return watch;
    }

    private static void run() {
        while (true) {
            long interval;
            synchronized (LOCK) {
                if (WATCHES.isEmpty()) {
                    thread = null;
                    return;
                }
                long shortest = Long.MAX_VALUE;
                for (Watch watch : WATCHES) {
                    shortest = Math.min(shortest, watch.timeoutNanos);
                }
                interval = Math.max(10_000_000L, Math.min(shortest / 4, 1_000_000_000L));
            }
            LockSupport.parkNanos(interval);
            long now = System.nanoTime();
            for (Watch watch : WATCHES) {
                long since = watch.writingSince;
                if (since != IDLE && now - since > watch.timeoutNanos) {
                    watch.fire();
                }
            }
        }
    }

    /** The writes of one socket. */
    static final class Watch implements AutoCloseable {
        private final Socket socket;
        private final long timeoutNanos;
        private volatile long writingSince = IDLE;
        private volatile boolean fired;

        private Watch(Socket socket, long timeoutNanos) {
            this.socket = socket;
            this.timeoutNanos = timeoutNanos;
        }

        void beginWrite() {
            writingSince = System.nanoTime();
        }

        void endWrite() {
            writingSince = IDLE;
        }

        /** Whether the socket was closed because a write took too long. */
        boolean fired() {
            return fired;
        }

        private void fire() {
            fired = true;
            WATCHES.remove(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closed either way; the stalled write fails now.
            }
        }

        @Override
        public void close() {
            WATCHES.remove(this);
        }
    }
}
