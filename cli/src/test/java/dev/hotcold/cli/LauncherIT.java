package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./hotcold} launcher, run by bash in a checkout of its own (a copy of the script and
 * nothing else), with a stand-in for Maven first on the PATH: a script that prints Maven-like lines,
 * records its arguments, and then fails or puts the real {@code target/hotcold.jar} where the build
 * would. What README promises of the first run is checked here: quiet on a pipe, a line that
 * follows the modules on a terminal, and the whole log kept, and named, when the build fails.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("hotcold.launcher", "../hotcold")).toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("hotcold.jar", "target/hotcold.jar")).toAbsolutePath();
    private static final String FAKE_MAVEN = """
            #!/bin/sh
            echo "$*" >> "$FAKE_MVN_ARGS"
            echo "[INFO] Scanning for projects..."
            echo "[INFO] Building fake core 0.1.0-SNAPSHOT                       [1/2]"
            echo "[INFO] --- maven-compiler-plugin:3.14.1:compile (default-compile) @ fake-core ---"
            echo "[INFO] a line only the log keeps"
            echo "[INFO] Building fake command line 0.1.0-SNAPSHOT               [2/2]"
            if [ -n "$FAKE_MVN_FAILS" ]; then
              echo "[ERROR] COMPILATION ERROR : fake.java:[1,1] error: fake"
              echo "[INFO] BUILD FAILURE"
              exit 1
            fi
            mkdir -p cli/target && cp "$FAKE_MVN_JAR" cli/target/hotcold.jar
            echo "[INFO] BUILD SUCCESS"
            """;
    private static final Pattern FAILED = Pattern.compile("hotcold: the build failed after \\d+ s; Maven's whole output is in (\\S+)");

    @TempDir
    Path dir;

    private Path checkout;
    private Path tmp;
    private Path mavenArgs;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void aCheckoutWithAFakeMaven() throws IOException {
        assertTrue(Files.isRegularFile(LAUNCHER), LAUNCHER + " is the launcher");
        assertTrue(Files.isRegularFile(JAR), JAR + " is built before the integration tests run");
        checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(LAUNCHER, checkout.resolve("hotcold"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("mvn"), FAKE_MAVEN);
        Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        tmp = Files.createDirectories(dir.resolve("tmp"));
        mavenArgs = dir.resolve("mvn-args.txt");
    }

    @Test
    void aFirstRunBuildsWithOneLineOnAPipeThenRunsWithoutBuilding() throws Exception {
        Run first = launch(Map.of(), "version");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("hotcold " + System.getProperty("hotcold.version") + "\n", first.out());
        assertEquals(List.of("hotcold: building the command line with Maven (once, and again after a change;"
                + " the first build takes a minute or two)..."), first.err().lines().toList(), "no progress on a pipe");
        assertTrue(Files.readString(mavenArgs).contains("-pl cli -am package"), Files.readString(mavenArgs));
        assertEquals(List.of(), filesIn(tmp), "no build log is left after a build that worked");

        Run second = launch(Map.of(), "version");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals("", second.err(), "built already: nothing to say");
        assertEquals(1, Files.readAllLines(mavenArgs).size(), "Maven ran once");
    }

    @Test
    void aFailedBuildSaysWhatWentWrongAndNamesTheLogThatHoldsEverything() throws Exception {
        Run run = launch(Map.of("FAKE_MVN_FAILS", "yes"), "demo");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        List<String> err = run.err().lines().toList();
        assertTrue(err.contains("[ERROR] COMPILATION ERROR : fake.java:[1,1] error: fake"), run.err());
        assertFalse(run.err().contains("a line only the log keeps"), "only Maven's errors on the terminal: " + run.err());
        Matcher failed = FAILED.matcher(err.get(err.size() - 1));
        assertTrue(failed.matches(), run.err());
        Path log = Path.of(failed.group(1));
        assertTrue(log.startsWith(tmp), "the log is made in TMPDIR: " + log);
        String logged = Files.readString(log);
        assertTrue(logged.contains("[INFO] a line only the log keeps") && logged.contains("[INFO] BUILD FAILURE"), logged);
    }

    @Test
    void onATerminalALineFollowsTheModulesAsMavenBuildsThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script gives the launcher a terminal");
        // script runs the launcher on a pseudo-terminal and copies what it writes there.
        Run run = run(new ArrayList<>(List.of("/usr/bin/script", "-qefc", "bash " + checkout.resolve("hotcold") + " version",
                "/dev/null")), Map.of());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        String terminal = run.out().replace("\r\n", "\n");
        assertTrue(terminal.contains("\r\u001b[Khotcold: building [1/2] fake core, "), terminal);
        assertTrue(terminal.contains("\r\u001b[Khotcold: building [1/2] fake core (compiler:compile), "), terminal);
        assertTrue(terminal.contains("\r\u001b[Khotcold: building [2/2] fake command line, "), terminal);
        assertTrue(terminal.contains("hotcold: built the command line in "), terminal);
        assertFalse(terminal.contains("a line only the log keeps"), terminal);
        assertTrue(terminal.endsWith("hotcold " + System.getProperty("hotcold.version") + "\n"), terminal);
    }

    /** JMH has no --help; the launcher answers it with the command line's help for bench, and builds no benchmarks jar for it. */
    @Test
    void benchDashDashHelpIsTheHelpOfBench() throws Exception {
        Files.createDirectories(checkout.resolve("cli/target"));
        Files.copy(JAR, checkout.resolve("cli/target/hotcold.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Run help = launch(Map.of(), "bench", "--help");
        Run expected = run(new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "help", "bench")), Map.of());
        assertEquals(0, help.exitCode(), help.err());
        assertEquals(expected.out(), help.out());
        assertTrue(help.out().contains("BENCHMARKS.md"), help.out());
        assertEquals("", help.err());
        assertFalse(Files.exists(mavenArgs), "no build for the help");
    }

    @Test
    void benchWithJmhOptionsBuildsAndRunsTheBenchmarksJar() throws Exception {
        Run run = launch(Map.of(), "bench", "-l");
        assertTrue(Files.readString(mavenArgs).contains("-pl benchmarks -am package"), Files.readString(mavenArgs));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("the build succeeded but made no " + checkout.resolve("benchmarks/target/benchmarks.jar")),
                run.err());
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("hotcold").toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    private Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().put("FAKE_MVN_ARGS", mavenArgs.toString());
        builder.environment().put("FAKE_MVN_JAR", JAR.toString());
        builder.environment().remove("FAKE_MVN_FAILS");
        builder.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end in 90 s; out: " + Files.readString(out) + "; err: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
