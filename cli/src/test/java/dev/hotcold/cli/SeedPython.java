package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seed's own programs, in Python (src/test/python/seed_game.py), run as processes. */
final class SeedPython {
    private static final Path SCRIPT = Path.of("src/test/python/seed_game.py").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    private SeedPython() {}

    /** Skips the test where there is no python3; CI machines have one (see .ci/run). */
    static void assumePython() {
        boolean available;
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            available = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        if (System.getenv("CI") != null) {
            assertTrue(available, "python3 is needed for the interoperability tests on CI");
        }
        assumeTrue(available, "python3 is not installed");
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT + " exists");
    }

    /** Runs the seed's client to the end and returns its output lines. */
    static List<String> runClient(int port, String... game) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), "client", "127.0.0.1", String.valueOf(port)));
        command.addAll(List.of(game));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = client.inputReader(StandardCharsets.UTF_8).lines().toList();
        assertTrue(client.waitFor(60, TimeUnit.SECONDS), "the seed's client finishes");
        assertTrue(client.exitValue() == 0, "the seed's client succeeds: " + lines);
        return lines;
    }

    /** The seed's server on a free port, until closed. */
    static final class Server implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        final int port;

        Server() throws IOException {
            process = new ProcessBuilder("python3", SCRIPT.toString(), "server", "127.0.0.1", "0")
                    .redirectErrorStream(true).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher matcher = LISTENING.matcher(String.valueOf(first));
            assertTrue(matcher.matches(), "the seed's server says where it listens: " + first);
            port = Integer.parseInt(matcher.group(1));
        }

        /** The next {@code count} lines the server prints. */
        List<String> readLines(int count) throws IOException {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                lines.add(out.readLine());
            }
            return lines;
        }

        /** Reads and drops what the server prints from now on, so a long run never blocks it on a full pipe. */
        void discardOutput() {
            Thread.ofVirtual().start(() -> {
                try {
                    while (out.readLine() != null) {
                        // A line per report: nothing to check here.
                    }
                } catch (IOException ended) {
                    // The server is gone.
                }
            });
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the test is being stopped; the server was told to end
            }
        }
    }
}
