package dev.hotcold.core.client;

import java.net.SocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long a client may wait on its server, and what happens when a wait runs out: the one
 * deadline primitive of every client transport, for connecting, for replies, for the server to
 * take the client's commands, and so for closing (Okio's {@code AsyncTimeout} is the model).
 *
 * <p>A transport makes one per waiting party of a connection (one for a connection driven by one
 * thread; one per direction for a connection with a reader and a writer), with the action that
 * ends the wait: close the socket, fail the connection on its event loop, close the pipe. Then:
 *
 * <pre>{@code
 * ClientDeadline deadline = new ClientDeadline(options, address, socket::close);
 * deadline.enter(ClientDeadline.Wait.REPLY);       // the client starts waiting on the server
 * try {
 *     read = in.read(buffer);                      // an untimed, blocking wait
 * } catch (IOException e) {
 *     throw deadline.exit() ? deadline.exception(e) : e;   // closed by the deadline: a timeout
 * }
 * deadline.exit();                                 // the server answered
 * ...
 * deadline.close();                                // with the connection
 * }</pre>
 *
 * <p>{@link #restart} while waiting starts the clock anew: a transport does that whenever a byte
 * moves, so a wait is bounded by the time the server goes without moving one, as
 * {@link ClientOptions#replyTimeout()} says. Entering and leaving cost a volatile read and a
 * compare-and-set each; no clock is read on that path. One watchdog for the whole JVM looks at
 * every deadline a few times per timeout (a quarter of the shortest, between 10 ms and 1 s) and
 * stamps the start of a wait when it first sees it, so a wait runs out between one timeout and
 * that plus two looks: within about one and a half timeouts. The watchdog starts no thread of
 * hotcold's: it runs on the JDK's own {@link CompletableFuture#delayedExecutor} timer while some
 * deadline is open, and runs each expiry action asynchronously, so an action that blocks holds up
 * nothing else. Thread-safe.
 */
public final class ClientDeadline implements AutoCloseable {
    /** What the client is waiting for. */
    public enum Wait {
        /** The connection to be established: {@link ClientOptions#connectTimeout()}. */
        CONNECT,
        /** A reply: {@link ClientOptions#replyTimeout()}. */
        REPLY,
        /** The server to take the client's commands (or the last of them, when closing): {@link ClientOptions#replyTimeout()}. */
        SEND
    }

    private static final long IDLE = Long.MIN_VALUE;
    /** Waiting, and the watchdog has not seen it yet: it stamps the time when it does. */
    private static final long ENTERED = Long.MIN_VALUE + 1;
    private static final long EXPIRED = Long.MIN_VALUE + 2;

    private final ClientOptions options;
    private final SocketAddress address;
    private final Runnable onExpiry;
    /** {@link #IDLE}, {@link #ENTERED}, {@link #EXPIRED}, or the watchdog's stamp of when the wait began. */
    private final AtomicLong state = new AtomicLong(IDLE);
    private volatile Wait wait = Wait.REPLY;

    /**
     * A deadline for one waiting party of a connection, watched until {@link #close()}.
     *
     * @param options the timeouts
     * @param address the server's address, for the exception's message
     * @param onExpiry ends the wait when it runs out, by closing what the waiting thread waits
     *     on; runs at most once, asynchronously
     */
    public ClientDeadline(ClientOptions options, SocketAddress address, Runnable onExpiry) {
        this.options = Objects.requireNonNull(options, "options");
        this.address = Objects.requireNonNull(address, "address");
        this.onExpiry = Objects.requireNonNull(onExpiry, "onExpiry");
        Watchdog.register(this);
    }

    /**
     * A wait on the server begins; a wait already running keeps its start. Does nothing once
     * expired.
     *
     * @param what what the client waits for, which picks the timeout and the message
     */
    public void enter(Wait what) {
        start(what, false);
    }

    /**
     * A byte moved while the client waits: the wait starts anew (or begins, if none ran). Does
     * nothing once expired.
     *
     * @param what what the client waits for now
     */
    public void restart(Wait what) {
        start(what, true);
    }

    private void start(Wait what, boolean anew) {
        if (wait != what) {
            wait = what;
        }
        long current;
        do {
            current = state.get();
            if (current == ENTERED || current == EXPIRED || (!anew && current != IDLE)) {
                return;
            }
        } while (!state.compareAndSet(current, ENTERED));
    }

    /**
     * The wait is over: the server answered, or owes nothing any more.
     *
     * @return {@code true} if the wait had run out (the transport then throws {@link #exception})
     */
    public boolean exit() {
        long current;
        do {
            current = state.get();
            if (current == EXPIRED) {
                return true;
            }
            if (current == IDLE) {
                return false;
            }
        } while (!state.compareAndSet(current, IDLE));
        return false;
    }

    /**
     * Whether a wait ran out; once it has, it stays so.
     *
     * @return {@code true} after the expiry action ran or began
     */
    public boolean hasExpired() {
        return state.get() == EXPIRED;
    }

    /**
     * The exception for the wait that ran out, naming the setting, its value and the address.
     *
     * @return the exception; each call makes a new one
     */
    public ClientTimeoutException exception() {
        return switch (wait) {
            case CONNECT -> ClientTimeoutException.connect(address, options.connectTimeout());
            case REPLY -> ClientTimeoutException.reply(address, options.replyTimeout());
            case SEND -> ClientTimeoutException.send(address, options.replyTimeout());
        };
    }

    /**
     * {@link #exception()}, with the failure the expiry caused in the waiting thread as its cause.
     *
     * @param cause what the wait ended with once the expiry action closed it
     * @return the exception
     */
    public ClientTimeoutException exception(Throwable cause) {
        ClientTimeoutException timeout = exception();
        timeout.initCause(cause);
        return timeout;
    }

    /** Stops watching: the connection is closed. Idempotent. */
    @Override
    public void close() {
        Watchdog.unregister(this);
    }

    private long timeoutNanos() {
        return (wait == Wait.CONNECT ? options.connectTimeout() : options.replyTimeout()).toNanos();
    }

    /** The watchdog's look: stamps a wait it sees for the first time, expires one that is overdue. */
    private void check(long now) {
        long current = state.get();
        if (current == ENTERED) {
            state.compareAndSet(ENTERED, now > EXPIRED ? now : EXPIRED + 1);
        } else if (current > EXPIRED && now - current > timeoutNanos() && state.compareAndSet(current, EXPIRED)) {
            CompletableFuture.runAsync(onExpiry);
        }
    }

    @Override
    public String toString() {
        long current = state.get();
        return "ClientDeadline[" + wait + ", " + (current == IDLE ? "idle" : current == EXPIRED ? "expired" : "waiting") + "]";
    }

    /** Looks at every open deadline, on the JDK's delay timer, while there are any. */
    private static final class Watchdog {
        private static final long MIN_INTERVAL_NANOS = 10_000_000L;
        private static final long MAX_INTERVAL_NANOS = 1_000_000_000L;
        private static final Set<ClientDeadline> OPEN = ConcurrentHashMap.newKeySet();
        private static final AtomicBoolean SCHEDULED = new AtomicBoolean();

        static void register(ClientDeadline deadline) {
            OPEN.add(deadline);
            if (SCHEDULED.compareAndSet(false, true)) {
                schedule(MIN_INTERVAL_NANOS);
            }
        }

        static void unregister(ClientDeadline deadline) {
            OPEN.remove(deadline);
        }

        private static void schedule(long nanos) {
            // Runnable::run: the look itself runs on the timer's thread; it never blocks.
            CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, Runnable::run).execute(Watchdog::look);
        }

        private static void look() {
            long interval = MAX_INTERVAL_NANOS;
            try {
                long now = System.nanoTime();
                for (ClientDeadline deadline : OPEN) {
                    deadline.check(now);
                    interval = Math.min(interval, deadline.timeoutNanos() / 4);
                }
            } catch (Throwable unexpected) {
                // The next look tries again; the watchdog never stops while deadlines are open.
            } finally {
                if (!OPEN.isEmpty()) {
                    schedule(Math.max(MIN_INTERVAL_NANOS, interval));
                } else {
                    SCHEDULED.set(false);
                    // A deadline registered after the emptiness check found none scheduled.
                    if (!OPEN.isEmpty() && SCHEDULED.compareAndSet(false, true)) {
                        schedule(MIN_INTERVAL_NANOS);
                    }
                }
            }
        }
    }
}
