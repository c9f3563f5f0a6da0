package dev.hotcold.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hotcold.core.transport.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A server short of file descriptors must live through it: started in a child process under
 * {@code ulimit -n}, it is flooded with connections until it cannot open a file, the flood is
 * released, and then it must serve a new game, its accept thread still alive.
 */
public final class DescriptorExhaustionChecks {
    /** Far below what the flood needs, far above what a JVM needs to start. */
    static final int DESCRIPTOR_LIMIT = 256;
    static final int FLOOD = 2 * DESCRIPTOR_LIMIT;

    private DescriptorExhaustionChecks() {}

    /**
     * Starts a server of {@code transport} in a child process with few descriptors, floods it, and
     * checks that it serves a game once the flood is gone.
     *
     * @param transport the transport class, made with its no-argument constructor in the child
     *     process
     * @param acceptorThread the accept loop's platform thread name, checked alive at the end; empty
     *     for a transport whose acceptor is not a named platform thread
     * @throws Exception if the child process cannot be started or talked to
     */
    public static void servesAgainAfterRunningOutOfDescriptors(Class<? extends Transport> transport, String acceptorThread)
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder("/bin/bash", "-c", "ulimit -n " + DESCRIPTOR_LIMIT + " && exec \"$@\"", "bash",
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ExhaustibleServerProcess.class.getName(), transport.getName())
                .start();
        Thread serverLog = copyToSystemErr(server);
        List<Socket> flood = new ArrayList<>();
        PrintStream in = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String listening = out.readLine();
            assertTrue(listening != null && listening.startsWith("listening on "), "server started: " + listening);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(listening.substring(13)));
            // A first game loads the classes a connection needs while the server can still open them.
            assertFirstGuess(address);

            for (int i = 0; i < FLOOD; i++) {
                flood.add(new Socket(address.getAddress(), address.getPort()));   // the kernel's backlog takes them all
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            do {
                assertTrue(System.nanoTime() < deadline, "the server never ran out of descriptors");
                in.println("exhausted");
            } while (!Boolean.parseBoolean(out.readLine()));
            // One more round trip: the acceptor, with connections still waiting, has tried and failed by now.
            in.println("threads");
            out.readLine();

            for (Socket socket : flood) {
                socket.close();
            }
            flood.clear();
            assertFirstGuess(address);
            assertFirstGuess(address);
            if (!acceptorThread.isEmpty()) {
                in.println("threads");
                String threads = out.readLine();
                assertTrue(List.of(threads.split(",")).contains(acceptorThread), "acceptor alive: " + threads);
            }
            in.close();   // the end of its input: the server stops
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops at the end of its input");
            assertEquals(0, server.exitValue());
        } finally {
            in.close();
            for (Socket socket : flood) {
                socket.close();
            }
            server.destroyForcibly();
            serverLog.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /**
     * Copies what the child process writes to its standard error, its log, to this JVM's
     * {@code System.err}: the test runner keeps it with the test's own output (Maven: the test
     * class's file in {@code target/surefire-reports}) instead of it going to the console directly,
     * as an inherited standard error would.
     */
    private static Thread copyToSystemErr(Process process) {
        return Thread.ofPlatform().daemon().name("exhaustible-server-stderr").start(() -> {
            try (InputStream err = process.getErrorStream()) {
                err.transferTo(System.err);
            } catch (IOException processGone) {
                // Nothing more to copy.
            }
        });
    }

    /** Starts a game on a new connection and checks that a guess comes back. */
    private static void assertFirstGuess(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 30_000);
            // Generous: the server backs off for up to a second between accepts while recovering.
            socket.setSoTimeout(30_000);
            OutputStream request = socket.getOutputStream();
            request.write("PARAMS 1 5\nNUMBER\n".getBytes(StandardCharsets.US_ASCII));
            request.flush();
            BufferedReader reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String guess;
            try {
                guess = reply.readLine();
            } catch (SocketTimeoutException e) {
                fail("no guess within 30 s: the server stopped accepting connections");
                return;
            }
            assertTrue(guess != null && guess.matches("[1-5]"), "a guess: " + guess);
        }
    }
}
