package dev.hotcold.benchmarks;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * What the reference servers' commands ({@code netty-server}, {@code plain-server}) share as
 * processes: their numeric flags, and serving until the JVM is told to stop.
 */
public final class ServerProcess {
    private ServerProcess() {}

    /**
     * Prints {@code listening on HOST:PORT}, then waits until the JVM is told to stop (SIGTERM,
     * Ctrl-C), when {@code close} runs and {@code stopped} is printed.
     *
     * @param name names the shutdown hook's thread
     * @param address where the server listens
     * @param close stops the server
     * @param out where the two lines go
     * @return 0, once stopping (the JVM then exits for the signal)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static int serveUntilStopped(String name, InetSocketAddress address, Runnable close, PrintStream out)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            out.println("stopped");
            out.flush();
            stopped.countDown();
        }, name + "-shutdown"));
        out.println("listening on " + address.getAddress().getHostAddress() + ":" + address.getPort());
        out.flush();
        stopped.await();
        return 0;
    }

    /**
     * A flag's integer value within [min, max].
     *
     * @param flag the flag, for the message
     * @param value what the user wrote
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     * @throws IllegalArgumentException naming the flag, if it is no integer or out of bounds
     */
    public static long parse(String flag, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(flag + " must be in [" + min + ", " + max + "], was " + value);
        }
        return parsed;
    }
}
