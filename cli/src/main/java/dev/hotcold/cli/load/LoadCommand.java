package dev.hotcold.cli.load;

import dev.hotcold.cli.flags.TimeoutConverter;
import dev.hotcold.core.client.Addresses;
import dev.hotcold.transport.nio.NioTransport;
import dev.hotcold.cli.flags.TlsFlags;
import picocli.CommandLine.Mixin;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code hotcold load}: a load generator in the spirit of redis-benchmark and wrk, on hotcold's
 * NIO client, for any server that speaks the protocol.
 *
 * <pre>{@code
 * ./hotcold load --port 1234 --connections 256 --range 100 --seconds 10
 * games=… roundtrips=… seconds=… games_per_s=… roundtrips_per_s=… p50_us=… p99_us=… errors=… elapsed_s=…
 * }</pre>
 *
 * <p>Every option has a default: port 1234, {@value #DEFAULT_CONNECTIONS} connections, range
 * {@value #DEFAULT_RANGE}, {@value #DEFAULT_SECONDS} s measured after a 1 s warmup.
 *
 * <p>Exit status: 0 when the run had no error, 1 when it had any, 2 for a bad option.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        header = "Puts load on a server that speaks the protocol and measures it.",
        description = {
                "Puts load on a server that speaks the protocol. Each connection plays games on [1, R] with"
                        + " random secrets, one NUMBER in flight, reporting on every guess as the book's client does,"
                        + " then CLEAR and a new game. Every reply is checked (a number, in the range, no repeat"
                        + " within a game); the first error on a connection is counted by kind and ends that connection.",
                "",
                "Prints a progress line each second on stderr, then one line on stdout of name=value pairs:"
                        + " games, roundtrips, seconds (how long it measured), games_per_s, roundtrips_per_s,"
                        + " p50_us, p99_us, errors and elapsed_s (the whole run, connecting and warmup included);"
                        + " with --json, one JSON object with the same fields and the errors by kind. The warmup is"
                        + " played but not counted in the figures; errors are counted over the whole run. The run"
                        + " ends by the connect timeout plus the warmup plus the measured seconds, whatever the"
                        + " server does, and sooner once no connection is left playing; connections then waiting"
                        + " past the reply timeout, or waiting at all if the server answered nothing while"
                        + " measuring, count as timeouts.",
                "",
                "Errors, if any, are listed at the end on stderr in a table: each kind, its count and what it means.",
                "",
                "With --histogram FILE, the measured latencies are also written to FILE as an HdrHistogram interval"
                        + " log, a histogram per second in nanoseconds, which HdrHistogram's HistogramLogProcessor"
                        + " and plotter read.",
                "",
                "Exit status: 0 without errors, 1 with any, 2 for a bad option (a --histogram file that cannot"
                        + " be created among them).",
                ""})
public final class LoadCommand implements Callable<Integer> {
    /** Connections when --connections is not given. */
    static final int DEFAULT_CONNECTIONS = 16;
    /** The range's upper end when --range is not given. */
    static final long DEFAULT_RANGE = 100;
    /** Seconds measured when --seconds is not given. */
    static final int DEFAULT_SECONDS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", description = "Server address (default: ${DEFAULT-VALUE}).")
    private String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Server port (default: ${DEFAULT-VALUE}).")
    private int port = 1234;

    @Mixin
    private TlsFlags.Client tls = new TlsFlags.Client();

    @Option(names = "--connections", paramLabel = "C",
            description = "Connections, each playing its own games, at least 1 (default: ${DEFAULT-VALUE}).")
    private int connections = DEFAULT_CONNECTIONS;

    @Option(names = "--range", paramLabel = "R",
            description = "Games are played on [1, R], R at least 1 (default: ${DEFAULT-VALUE}).")
    private long range = DEFAULT_RANGE;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "" + DEFAULT_SECONDS,
            description = "How long to measure, after the warmup; more than 0, fractions allowed"
                    + " (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Seconds played before measuring, not counted in the figures (default: ${DEFAULT-VALUE}).")
    private double warmup;

    @Option(names = "--json", description = "Print the summary as one JSON object, with the errors by kind.")
    private boolean json;

    @Option(names = "--histogram", paramLabel = "FILE",
            description = "Also write the measured round-trip latencies to FILE as an HdrHistogram interval log (default: none).")
    private Path histogram;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the secrets, to repeat a run (default: random).")
    private Long seed;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Longest the server may keep a connection waiting, for a reply to NUMBER or to take its"
                    + " commands; past it the connection counts a timeout and is closed. Seconds or with a unit"
                    + " (0.5, 250ms, 5s, 2m; default: ${DEFAULT-VALUE}).")
    private String timeout = "10s";

    @Option(names = "--connect-timeout", paramLabel = "DURATION",
            description = "Longest a connection may take to be set up, and the connect phase as a whole; connections"
                    + " not up, or not first answered, by then count connect_timeout. Seconds or with a unit"
                    + " (0.5, 250ms, 5s, 2m; default: ${DEFAULT-VALUE}).")
    private String connectTimeout = "10s";

    @Option(names = "--connect-window", paramLabel = "N",
            description = "Connections that may wait for the server's first answer at once while connecting,"
                    + " so that many connections do not overflow the server's listen backlog (default: ${DEFAULT-VALUE}).")
    private int connectWindow = 64;

    @Option(names = "--loops", paramLabel = "N",
            description = "NIO client event loops the connections share (default: ${DEFAULT-VALUE}).")
    private int loops = 1;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadPlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            err.println("hotcold load: " + e.getMessage());
            err.flush();
            return 2;
        }
        LoadReport report;
        LatencyLog latencyLog;
        try {
            latencyLog = histogram == null ? LatencyLog.NONE : LatencyLog.create(histogram);
        } catch (IllegalArgumentException e) {
            err.println("hotcold load: " + e.getMessage());
            err.flush();
            return 2;
        }
        try (latencyLog; NioTransport transport = NioTransport.builder().clientLoops(plan.clientLoops()).build()) {
            err.printf("hotcold load: %d connection(s) to %s, games on [1, %d], %s warmup, %s measured, seed %d%n",
                    plan.connections(), Addresses.describe(plan.address()), plan.range(),
                    describe(plan.warmup()), describe(plan.measured()), plan.seed());
            err.flush();
            report = new LoadRun(plan, transport, err, latencyLog).run();
        }
        if (latencyLog.file() != null) {
            err.println("hotcold load: latency histogram log written to " + latencyLog.file());
        }
        report.errorTable().forEach(err::println);
        err.flush();
        out.println(json ? report.json() : report.summaryLine());
        out.flush();
        return report.errors() > 0 ? 1 : 0;
    }

    /** The run the options ask for; each bad value is named by its option. */
    LoadPlan plan() {
        atLeast("--connections", connections, 1);
        atLeast("--range", range, 1);
        atLeast("--connect-window", connectWindow, 1);
        atLeast("--loops", loops, 1);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, was " + port);
        }
        Duration measured = seconds("--seconds", seconds, false);
        Duration warm = seconds("--warmup", warmup, true);
        Duration reply = timeout("--timeout", timeout);
        Duration connect = timeout("--connect-timeout", connectTimeout);
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--host " + host + " cannot be resolved");
        }
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        return new LoadPlan(address, connections, range, warm, measured, chosenSeed, reply, connect,
                connectWindow, loops, tls.config().orElse(null));
    }

    private static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", was " + value);
        }
    }

    /** Seconds as a duration: finite, more than zero (or zero too when allowed), at most a day. */
    private static Duration seconds(String option, double value, boolean zeroAllowed) {
        boolean ok = zeroAllowed ? value >= 0 : value > 0;
        if (!ok || value > 86_400) {
            throw new IllegalArgumentException(option + " must be " + (zeroAllowed ? "at least 0" : "more than 0")
                    + " and at most 86400 seconds, was " + format(value));
        }
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    /** A timeout as play's --timeout takes it, in seconds or with a unit; more than zero, at most a day. */
    private static Duration timeout(String option, String value) {
        Duration duration;
        try {
            duration = new TimeoutConverter().convert(value);
        } catch (TypeConversionException e) {
            duration = null;
        }
        if (duration == null || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(option + " must be more than 0 and at most 86400 seconds, in seconds"
                    + " or with a unit (0.5, 250ms, 5s, 2m), was " + value);
        }
        return duration;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String describe(Duration duration) {
        return format(duration.toNanos() / 1e9) + " s";
    }
}
