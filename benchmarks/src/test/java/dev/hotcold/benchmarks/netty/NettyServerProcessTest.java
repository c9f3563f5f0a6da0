package dev.hotcold.benchmarks.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.transport.nio.NioTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netty-server} and {@code plain-server} (the plain JDK reference server) as real
 * processes: what BENCHMARKS.md promises about them.
 */
@Timeout(120)
class NettyServerProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1):(\\d+)");

    @Test
    void servesGamesAndStopsCleanlyOnSigterm() throws Exception {
        servesAGameThenStopsOnSigterm("netty-server", "--port", "0", "--workers", "1", "--seed", "5");
    }

    @Test
    void thePlainServerServesGamesAndStopsCleanlyOnSigterm() throws Exception {
        servesAGameThenStopsOnSigterm("plain-server", "--port", "0", "--seed", "5");
    }

    private static void servesAGameThenStopsOnSigterm(String... args) throws Exception {
        Process process = start(args);
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            Matcher listening = LISTENING.matcher(String.valueOf(first));
            assertTrue(listening.matches(), "first line: " + first);
            InetSocketAddress address = new InetSocketAddress(listening.group(1), Integer.parseInt(listening.group(2)));
            try (NioTransport transport = new NioTransport();
                 GameConnection connection = transport.connect(address);
                 Game game = Game.start(connection, 1, 20, 13)) {
                List<Outcome> outcomes = game.play();
                assertEquals(13, outcomes.get(outcomes.size() - 1).number());
            }
            process.toHandle().destroy();   // SIGTERM; Process.destroy() would also close our end of its output
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "no exit after SIGTERM");
            assertEquals("stopped", out.readLine());
            // 128 + SIGTERM: the JVM ran its shutdown hooks and exited for the signal.
            assertEquals(143, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aBadOptionIsNamedAndExitsWithStatus2() throws Exception {
        Process process = start("netty-server", "--workers", "none");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue());
        assertTrue(err.contains("--workers must be an integer, was 'none'"), err);
    }

    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.hotcold.benchmarks.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
