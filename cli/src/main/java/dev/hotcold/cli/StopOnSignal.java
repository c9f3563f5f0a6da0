package dev.hotcold.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * serve's signals: the first Ctrl-C (SIGINT) or SIGTERM asks for the graceful stop, the second
 * cuts the games still in play at once, any later one is ignored. The command's thread runs the
 * stop and returns its status as usual.
 *
 * <p>The JVM, left alone, would run its shutdown hooks on the first signal and ignore every later
 * one (a JVM that is shutting down takes no second request to), so a second Ctrl-C could not cut
 * the grace period short. SIGINT and SIGTERM are therefore handled through {@code sun.misc.Signal},
 * which the JDK keeps exported in {@code jdk.unsupported} for this use (JEP 260). It is reached by
 * reflection: javac warns about every direct use of it, with no way to suppress the warning.
 *
 * <p>A hang-up (SIGHUP), and SIGINT or SIGTERM in a JVM where the handlers cannot be installed
 * ({@code -Xrs}, or a JDK without {@code sun.misc.Signal}), still end the JVM through its shutdown
 * hooks. Then a hook asks for the stop, waits until the command reports its status (or
 * {@code bound} passes, status 1), and ends the process with it: left alone, the JVM would exit
 * with 128 + the signal's number, which would call a clean, graceful stop a failure.
 * {@link Runtime#halt} is safe there because this program registers no other hook whose work
 * matters.
 *
 * <pre>{@code
 * try (StopOnSignal signals = new StopOnSignal(stopRequested::complete, signal -> server.shutdownNow(), bound, out::flush)) {
 *     stopRequested.join();
 *     ... stop the server ...
 *     signals.stopped(status);
 * }
 * }</pre>
 */
final class StopOnSignal implements AutoCloseable {
    /** A signal that stops serve, with the exit status a second one of it calls for: 128 + its number. */
    enum StopSignal {
        SIGINT("INT", 130),
        SIGTERM("TERM", 143);

        private final String shortName;
        private final int exitStatus;

        StopSignal(String shortName, int exitStatus) {
            this.shortName = shortName;
            this.exitStatus = exitStatus;
        }

        /** 128 + the signal's number, as a shell reports a process ended by it. */
        int exitStatus() {
            return exitStatus;
        }
    }

    private final Thread hook;
    private final CompletableFuture<Integer> stopped = new CompletableFuture<>();
    private final AtomicInteger signalsSeen = new AtomicInteger();
    /** The handlers this replaced, put back by {@link #close()}. */
    private final Map<StopSignal, Object> previous = new LinkedHashMap<>();

    /**
     * @param requestStop asks the command's thread to stop gracefully; called on a signal's thread
     * @param cutNow cuts what is still in play; called with the second signal, on its thread, once
     * @param bound how long a shutdown hook waits for {@link #stopped} before it gives up with status 1
     * @param flush run before a shutdown hook ends the process, so that the last lines printed are not lost
     */
    StopOnSignal(Runnable requestStop, Consumer<StopSignal> cutNow, Duration bound, Runnable flush) {
        hook = new Thread(() -> {
            requestStop.run();
            int status = awaitStatus(bound);
            flush.run();
            Runtime.getRuntime().halt(status);
        }, "hotcold-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (StopSignal signal : StopSignal.values()) {
            SignalHandlers.install(signal.shortName, () -> {
                int seen = signalsSeen.incrementAndGet();
                if (seen == 1) {
                    requestStop.run();
                } else if (seen == 2) {
                    cutNow.accept(signal);
                }
            }).ifPresent(replaced -> previous.put(signal, replaced));
        }
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

    /**
     * Puts the JVM's handlers back and removes the hook when the command ends on its own; during a
     * shutdown the hook is running.
     */
    @Override
    public void close() {
        previous.forEach((signal, handler) -> SignalHandlers.restore(signal.shortName, handler));
        stopped.complete(1);   // a hook already running must not wait for a report that will not come
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is shutting down: the hook runs and ends the process.
        }
    }

    /** {@code sun.misc.Signal.handle}, by reflection. */
    private static final class SignalHandlers {
        private SignalHandlers() {}

        /** Handles the signal named {@code name} with {@code action}; returns the handler replaced, or empty if it cannot. */
        static Optional<Object> install(String name, Runnable action) {
            try {
                Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
                Object handler = Proxy.newProxyInstance(StopOnSignal.class.getClassLoader(), new Class<?>[] {handlerType},
                        (proxy, method, args) -> switch (method.getName()) {
                            case "handle" -> {
                                action.run();
                                yield null;
                            }
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "hotcold serve's handler of SIG" + name;
                        });
                return Optional.ofNullable(handle(name, handler));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // No sun.misc.Signal, or the JVM keeps the signal (-Xrs): the shutdown hook stays the way in.
                return Optional.empty();
            }
        }

        static void restore(String name, Object handler) {
            try {
                handle(name, handler);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // It was installed a moment ago, so it can be replaced; if not, the command is ending anyway.
            }
        }

        private static Object handle(String name, Object handler) throws ReflectiveOperationException {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object signal = signalType.getConstructor(String.class).newInstance(name);
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            try {
                return handle.invoke(null, signal, handler);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException unchecked) {
                    throw unchecked;   // "Signal already used by VM or OS" (-Xrs)
                }
                throw e;
            }
        }
    }
}
