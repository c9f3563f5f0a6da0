package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * serve's report printer against a real in-process server: a standard output that takes nothing
 * holds up no game, and one that keeps up loses no line.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerPrinterTest {
    private static final Pattern NOT_PRINTED =
            Pattern.compile("\\((\\d+) reports? not printed: standard output was too slow\\)");

    /** Standard output that takes no byte until the test lets it go: a terminal on hold, a full pipe. */
    static final class StalledOutput extends OutputStream {
        final CountDownLatch letGo = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws InterruptedIOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws InterruptedIOException {
            writing.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while standard output was stalled");
            }
            synchronized (written) {
                written.write(bytes, offset, length);
            }
        }

        List<String> lines() {
            synchronized (written) {
                return written.toString(StandardCharsets.UTF_8).lines().toList();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "nio"})
    void aStalledStandardOutputHoldsUpNoGame(String transportName) throws Exception {
        StalledOutput stdout = new StalledOutput();
        PrintWriter out = new PrintWriter(new PrintStream(stdout, true, StandardCharsets.UTF_8), true);
        int reports;
        try (ServerPrinter printer = new ServerPrinter(out, false, 16)) {
            try (Transport transport = Transport.named(transportName);
                 GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder().listener(printer).build())) {
                // Over 4096 reports on one connection: more than NIO holds undelivered before it
                // pauses a connection for its listener, so a printer that blocks would stall both.
                CompletableFuture<Integer> played = CompletableFuture.supplyAsync(() -> playGames(transport, server, 12));
                reports = played.get(30, TimeUnit.SECONDS);
                assertTrue(stdout.writing.await(10, TimeUnit.SECONDS), "the printer is stuck writing");
                server.shutdown();
                assertTrue(server.awaitTermination(Duration.ofSeconds(10)), "every listener call has returned");
            }
            stdout.letGo.countDown();
        }
        assertFalse(printerThreadAlive(), "the printer thread ends with close");

        List<String> lines = stdout.lines();
        long printed = lines.stream().filter(line -> line.startsWith("Server: ")).count();
        long notPrinted = 0;
        for (String line : lines) {
            Matcher notice = NOT_PRINTED.matcher(line);
            if (notice.matches()) {
                notPrinted += Long.parseLong(notice.group(1));
            } else {
                assertTrue(line.matches("Server: \\d+ is (Warmer|Colder|Same|Unsure|Correct)"), line);
            }
        }
        assertTrue(notPrinted > 0, "reports beyond the queue were counted, not printed: " + lines.size() + " lines");
        assertEquals(reports, printed + notPrinted, "every report printed or counted as not printed");
        assertTrue(NOT_PRINTED.matcher(lines.get(lines.size() - 1)).matches(), "the count comes once the printer caught up");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "nio"})
    void aStandardOutputThatKeepsUpGetsEveryReportInOrder(String transportName) throws Exception {
        StringWriter stdout = new StringWriter();
        List<String> expected = new ArrayList<>();
        try (ServerPrinter printer = new ServerPrinter(new PrintWriter(stdout, true), false)) {
            try (Transport transport = Transport.named(transportName);
                 GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder().listener(printer).build());
                 GameConnection connection = transport.connect(server.address())) {
                SplittableRandom secrets = new SplittableRandom(76);
                for (int i = 0; i < 20; i++) {
                    try (Game game = Game.start(connection, 1, 200, 1 + secrets.nextLong(200))) {
                        for (Outcome outcome : game) {
                            expected.add("Server: " + outcome.number() + " is " + outcome.decision());
                        }
                    }
                }
                server.shutdown();   // closes the connection, which has no game in play
                assertTrue(server.awaitTermination(Duration.ofSeconds(10)));
            }
        }
        assertEquals(expected, stdout.toString().lines().toList());
        assertFalse(printerThreadAlive(), "the printer thread ends with close");
    }

    /** Plays {@code games} games on [1, 1000] on one connection; returns how many reports the client sent. */
    private static int playGames(Transport transport, GameServer server, int games) {
        int reports = 0;
        SplittableRandom secrets = new SplittableRandom(76);
        try (GameConnection connection = transport.connect(server.address())) {
            for (int i = 0; i < games; i++) {
                try (Game game = Game.start(connection, 1, 1000, 1 + secrets.nextLong(1000))) {
                    reports += game.play().size();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return reports;
    }

    /** Whether a report printer's thread is running. */
    static boolean printerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(ServerPrinter.THREAD_NAME) && thread.isAlive());
    }
}
