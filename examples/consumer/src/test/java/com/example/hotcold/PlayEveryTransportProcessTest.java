package com.example.hotcold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main class as a user would, in a JVM of its own on the module path
 * ({@code java --module-path ... --module com.example.hotcold/...}), and checks what it prints and
 * its exit status.
 */
class PlayEveryTransportProcessTest {

    @Test
    void playsOverEveryTransportOnTheModulePath(@TempDir Path dir) throws IOException, InterruptedException {
        // The module path this test JVM runs with: our module's classes and the hotcold modules.
        String modulePath = System.getProperty("jdk.module.path");
        assertTrue(modulePath != null && !modulePath.isEmpty(), "surefire runs the tests on the module path");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(java, "--module-path", modulePath,
                "--module", "com.example.hotcold/com.example.hotcold.PlayEveryTransport")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("PlayEveryTransport did not finish in 2 minutes:\n" + read(output));
        }
        String printed = read(output);
        assertEquals(0, process.exitValue(), printed);

        List<String> lines = printed.lines().toList();
        assertTrue(lines.get(0).startsWith("Java "), printed);
        assertTrue(lines.get(0).endsWith(", module com.example.hotcold"), "runs as a named module: " + printed);
        // 1..20, secret 17: the middle (10), then outwards, each step nearer the secret on one side
        // and farther on the other; 100..120, secret 104: likewise from 110. The same games on
        // every transport.
        String games = "[10 is Unsure, 11 is Warmer, 9 is Colder, 12 is Warmer, 8 is Colder, 13 is Warmer,"
                + " 7 is Colder, 14 is Warmer, 6 is Colder, 15 is Warmer, 5 is Colder, 16 is Warmer,"
                + " 4 is Colder, 17 is Correct] | async: [110 is Unsure, 111 is Colder, 109 is Warmer,"
                + " 112 is Colder, 108 is Warmer, 113 is Colder, 107 is Warmer, 114 is Colder, 106 is Warmer,"
                + " 115 is Colder, 105 is Warmer, 116 is Colder, 104 is Correct]";
        List<String> transports = List.of("inmemory", "blocking (virtual threads)", "blocking (platform threads)", "nio");
        assertEquals(transports.stream().map(transport -> transport + ": " + games).toList(), lines.subList(1, lines.size()),
                printed);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

}
