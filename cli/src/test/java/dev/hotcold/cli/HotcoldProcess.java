package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/hotcold.jar ...} as a child process, run by the JDK that runs the test:
 * the command exactly as {@code ./hotcold} runs it, signals and exit status included.
 */
final class HotcoldProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on ([^:]+):(\\d+)(?: over TLS .*)?");
    private static final Object END = new Object();

    private final Process process;
    private final LinkedBlockingQueue<Object> outLines = new LinkedBlockingQueue<>();
    private final List<String> outSeen = new ArrayList<>();
    private final CompletableFuture<String> err;

    private HotcoldProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("hotcold-process-out").start(() -> {
            try {
                process.inputReader(StandardCharsets.UTF_8).lines().forEach(outLines::add);
            } catch (RuntimeException readFailed) {
                // the process is gone; END below tells the waiting test
            } finally {
                outLines.add(END);
            }
        });
        err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                command -> Thread.ofPlatform().daemon().name("hotcold-process-err").start(command));
    }

    /** Starts {@code hotcold args...} from the jar the build made. */
    static HotcoldProcess start(String... args) throws IOException {
        return startWithJvmOptions(List.of(), args);
    }

    /** Starts {@code java jvmOptions... -jar hotcold.jar args...}. */
    static HotcoldProcess startWithJvmOptions(List<String> jvmOptions, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("hotcold.jar", "target/hotcold.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is built before the integration tests run");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return new HotcoldProcess(new ProcessBuilder(command).start());
    }

    /** Runs {@code hotcold args...} to its end. */
    static Result run(String... args) throws Exception {
        try (HotcoldProcess process = start(args)) {
            int exitCode = process.awaitExit(Duration.ofSeconds(60));
            return new Result(exitCode, process.outUntilEnd(), process.err());
        }
    }

    record Result(int exitCode, List<String> out, String err) {
        /** Standard error as lines. */
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Waits for the next line of standard output that matches, and returns its match. */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object line = outLines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line == END) {
                outLines.add(END);
                fail("no line matching '" + pattern + "' " + (line == null ? "within " + timeout : "before the end")
                        + "; out so far: " + outSeen + "; err: " + errSoFar() + "; " + exitSoFar());
            }
            outSeen.add((String) line);
            Matcher matcher = pattern.matcher((String) line);
            if (matcher.matches()) {
                return matcher;
            }
        }
    }

    /** Waits for {@code listening on HOST:PORT} and returns the address. */
    InetSocketAddress awaitListening() throws InterruptedException {
        Matcher listening = awaitLine(LISTENING, Duration.ofSeconds(60));
        return new InetSocketAddress(listening.group(1), Integer.parseInt(listening.group(2)));
    }

    /**
     * SIGTERM, as {@link Process#destroy()} sends on Linux and macOS; through the process handle,
     * because {@code Process.destroy()} also closes this side of the pipes and the test would not
     * read what the process prints while it stops.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /**
     * SIGINT, as Ctrl-C sends, through {@code kill}. A child inherits an ignored SIGINT (a job
     * started in the background by a shell without job control), and then the JVM leaves it
     * ignored; the caller checks {@link #interruptIgnored()} first.
     */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).redirectErrorStream(true).start();
        String said = readAll(kill.getInputStream());   // nothing, unless kill fails
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT " + process.pid() + ": " + said);
    }

    /** Whether this JVM ignores SIGINT, and so would its children (Linux: SigIgn in /proc). */
    static boolean interruptIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return true;   // cannot tell: treat as ignored, and the caller skips
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (ignored & (1L << (2 - 1))) != 0;   // SIGINT is signal 2
            }
        }
        return true;
    }

    /** Waits for the exit and returns the status; fails if it does not come within {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the process did not exit within " + timeout + "; out: " + outSeen + "; err: " + errSoFar());
        }
        return process.exitValue();
    }

    /** Every line of standard output, once the process has ended. */
    List<String> outUntilEnd() throws InterruptedException {
        while (true) {
            Object line = outLines.take();
            if (line == END) {
                outLines.add(END);
                return List.copyOf(outSeen);
            }
            outSeen.add((String) line);
        }
    }

    /** Standard error, once the process has ended. */
    String err() {
        return err.join();
    }

    private String exitSoFar() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "exit status " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "still running";
        }
    }

    private String errSoFar() {
        return err.getNow("(still open)");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the test is being stopped; the process is killed
            }
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
