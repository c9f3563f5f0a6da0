package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hotcold.cli.MisbehavingServer.Misbehaviour;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.FullBacklog;
import dev.hotcold.testkit.SilentServer;
import dev.hotcold.transport.blocking.BlockingTransport;
import dev.hotcold.transport.nio.NioTransport;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.io.TempDir;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** hotcold load against good servers, broken servers and bad flags; every run lasts about a second. */
@Timeout(60)
class LoadCommandTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "games=(\\d+) roundtrips=(\\d+) seconds=(\\d+\\.\\d{3}) games_per_s=(\\d+) roundtrips_per_s=(\\d+)"
                    + " p50_us=(\\d+) p99_us=(\\d+) errors=(\\d+) elapsed_s=(\\d+\\.\\d{3})");
    private static final List<String> KINDS = List.of("connect_refused", "connect_timeout", "connect_failed", "reset",
            "closed", "io", "timeout", "server_error", "unreadable", "out_of_range", "repeat");

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("nio", (Supplier<Transport>) () -> NioTransport.builder().serverLoops(1).build(), "1"),
                Arguments.of("blocking", (Supplier<Transport>) BlockingTransport::new, "2"));
    }

    @ParameterizedTest(name = "{0} server, {2} client loop(s)")
    @MethodSource("servers")
    void playsCleanAgainstHotcoldServers(String name, Supplier<Transport> transport, String loops) throws Exception {
        try (Transport serving = transport.get();
             GameServer server = serving.serve(ServerConfig.loopback(0))) {
            Transcript.Run run = load(port(server), "--connections", "8", "--range", "100", "--seconds", "1",
                    "--warmup", "0.3", "--seed", "8", "--loops", loops);
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(1, run.lines().size(), "one summary line: " + run.out());
            Matcher summary = SUMMARY.matcher(run.lines().get(0));
            assertTrue(summary.matches(), "exact summary format: " + run.out());
            long games = Long.parseLong(summary.group(1));
            long roundTrips = Long.parseLong(summary.group(2));
            assertTrue(games > 0, run.out());
            assertTrue(roundTrips > games, "a game on [1, 100] takes more than one guess mostly: " + run.out());
            assertTrue(Double.parseDouble(summary.group(3)) >= 0.99, "measured for the time asked: " + run.out());
            assertTrue(Double.parseDouble(summary.group(9)) >= 1.29, "the whole run, warmup included: " + run.out());
            assertTrue(Long.parseLong(summary.group(6)) <= Long.parseLong(summary.group(7)), "p50 <= p99: " + run.out());
            assertEquals("0", summary.group(8));
            assertTrue(run.err().lines().anyMatch(line -> line.contains("measuring") && line.contains("roundtrips/s=")),
                    "progress lines on stderr: " + run.err());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(thread -> thread.getName().startsWith("hotcold-client-nio-loop")),
                    "the client loops end with the command");
        }
    }

    @Test
    void jsonCarriesTheSummaryFieldsAndEveryErrorKind() throws Exception {
        try (Transport serving = new NioTransport();
             GameServer server = serving.serve(ServerConfig.loopback(0))) {
            Transcript.Run run = load(port(server), "--connections", "4", "--range", "1000", "--seconds", "1",
                    "--warmup", "0", "--json");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(1, run.lines().size(), run.out());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            for (String field : List.of("games", "roundtrips", "seconds", "games_per_s", "roundtrips_per_s",
                    "p50_us", "p99_us", "errors", "elapsed_s", "connections", "range", "stalled", "total_games",
                    "total_roundtrips")) {
                assertTrue(json.has(field), field + " in " + json);
            }
            assertTrue(json.get("roundtrips").getAsLong() > 0, json.toString());
            assertEquals(0, json.get("errors").getAsLong());
            assertEquals(4, json.get("connections").getAsInt());
            assertEquals(1000, json.get("range").getAsLong());
            assertTrue(json.get("total_roundtrips").getAsLong() >= json.get("roundtrips").getAsLong(), json.toString());
            assertTrue(json.get("total_games").getAsLong() >= json.get("games").getAsLong(), json.toString());
            JsonObject kinds = json.getAsJsonObject("errors_by_kind");
            assertEquals(KINDS, List.copyOf(kinds.keySet()));
            kinds.entrySet().forEach(kind -> assertEquals(0, kind.getValue().getAsLong(), kind.getKey()));
        }
    }

    /**
     * --histogram writes an interval log HdrHistogram's own reader takes: a histogram per second
     * measured, in nanoseconds, adding up to the round trips the summary counts.
     */
    @Test
    void theHistogramLogHoldsEveryMeasuredRoundTrip(@TempDir Path directory) throws Exception {
        Path log = directory.resolve("latency.hlog");
        try (Transport serving = new NioTransport();
             GameServer server = serving.serve(ServerConfig.loopback(0))) {
            Transcript.Run run = load(port(server), "--connections", "4", "--seconds", "2.5", "--warmup", "0.5",
                    "--json", "--histogram", log.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("hotcold load: latency histogram log written to " + log.toAbsolutePath()), run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            long measured = json.get("roundtrips").getAsLong();

            List<Histogram> intervals = new ArrayList<>();
            try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
                for (EncodableHistogram next; (next = reader.nextIntervalHistogram()) != null; ) {
                    intervals.add((Histogram) next);
                }
            }
            assertTrue(intervals.size() >= 3, "a histogram per second of 2.5 s measured: " + intervals.size());
            long total = intervals.stream().mapToLong(Histogram::getTotalCount).sum();
            assertEquals(measured, total, "the summary counts the round trips whose latencies it measured");
            Histogram all = new Histogram(3);
            intervals.forEach(all::add);
            long p50Micros = Math.round(all.getValueAtPercentile(50) / 1000.0);
            assertTrue(Math.abs(p50Micros - json.get("p50_us").getAsLong()) <= 1 + json.get("p50_us").getAsLong() / 10,
                    "nanoseconds, as the summary's p50_us " + json.get("p50_us") + " says: " + p50Micros);
            assertTrue(Files.readString(log).startsWith("#hotcold load: 4 connection(s)"), "says what it holds");
        }
    }

    @Test
    void aHistogramLogThatCannotBeWrittenIsABadOption(@TempDir Path directory) throws Exception {
        Path nowhere = directory.resolve("missing").resolve("latency.hlog");
        Transcript.Run run = load(1, "--histogram", nowhere.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("hotcold load: cannot write the histogram log to " + nowhere + " (--histogram): no directory "
                + nowhere.getParent(), run.err().strip());
    }

    @Test
    void playsCleanAgainstTheSeedsPythonServer() throws Exception {
        SeedPython.assumePython();
        try (SeedPython.Server server = new SeedPython.Server()) {
            server.discardOutput();
            Transcript.Run run = load(server.port, "--connections", "4", "--range", "100", "--seconds", "1",
                    "--warmup", "0.2", "--json");
            assertEquals(0, run.exitCode(), run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            assertEquals(0, json.get("errors").getAsLong(), json.toString());
            assertTrue(json.get("games").getAsLong() > 0, json.toString());
        }
    }

    static Stream<Arguments> misbehaviours() {
        return Stream.of(
                Arguments.of(Misbehaviour.REPEATS_A_GUESS, "repeat"),
                Arguments.of(Misbehaviour.OUT_OF_RANGE, "out_of_range"),
                Arguments.of(Misbehaviour.ANSWERS_ERROR, "server_error"),
                Arguments.of(Misbehaviour.ANSWERS_GIBBERISH, "unreadable"),
                Arguments.of(Misbehaviour.CLOSES_MID_GAME, "closed"),
                Arguments.of(Misbehaviour.RESETS_MID_GAME, "reset"),
                Arguments.of(Misbehaviour.NEVER_ANSWERS, "timeout"));
    }

    /** Each connection ends at its first error, so every one of them counts exactly one, of the right kind. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("misbehaviours")
    void countsWhatABrokenServerDoesByKind(Misbehaviour misbehaviour, String kind) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(misbehaviour)) {
            Transcript.Run run = load(server.port(), "--connections", "3", "--range", "100", "--seconds", "1",
                    "--warmup", "0", "--timeout", "0.5", "--seed", "3", "--json");
            assertEquals(1, run.exitCode(), "errors make the exit status non-zero: " + run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            assertEquals(3, json.get("errors").getAsLong(), json.toString());
            assertEquals(Map.of(kind, 3L), nonZeroKinds(json), json.toString());
            assertTrue(hasErrorRow(run.err(), kind, 3), "errors named on stderr: " + run.err());
        }
    }

    @Test
    void aServerThatStopsAnsweringEndsAtTheDeadlineAndIsReportedAsStalled() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(Misbehaviour.STOPS_AFTER_ONE_GUESS)) {
            // The reply timeout (default 10 s) is longer than the run: the end of the run finds them stalled.
            Transcript.Run run = load(server.port(), "--connections", "2", "--range", "100", "--seconds", "0.5",
                    "--warmup", "0", "--seed", "1");
            assertEquals(1, run.exitCode(), run.err());
            Matcher summary = SUMMARY.matcher(run.lines().get(0));
            assertTrue(summary.matches(), run.out());
            assertEquals("0", summary.group(2), "no round trips while measuring");
            assertEquals("2", summary.group(8), "both connections counted");
            assertTrue(run.err().contains("2 connection(s) stalled"), run.err());
            assertTrue(hasErrorRow(run.err(), "timeout", 2), run.err());
        }
    }

    /**
     * The client's reply timeout ends a silent connection during the run; the others play on. The
     * timeout runs out within about one and a half times its length; the run is ten times longer,
     * so that a busy machine still sees it end while running.
     */
    @Test
    void aConnectionWithoutAnAnswerTimesOutWhileOthersPlayOn() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(Misbehaviour.SILENCES_ONE_CONNECTION)) {
            Transcript.Run run = load(server.port(), "--connections", "3", "--connect-window", "1", "--range", "100",
                    "--seconds", "3", "--warmup", "0", "--timeout", "0.3", "--json");
            assertEquals(1, run.exitCode(), run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            assertEquals(Map.of("timeout", 1L), nonZeroKinds(json), json.toString());
            assertEquals(0, json.get("stalled").getAsInt(), "counted while running, not at the end: " + json);
            assertTrue(json.get("games").getAsLong() > 0, json.toString());
        }
    }

    /**
     * Nothing to measure: the connections time out while connecting, the measured phase lasts no
     * time at all, and the report still says how long the run took.
     */
    @Test
    void aServerThatNeverAnswersEndsTheConnectPhaseAtTheReplyTimeout() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(Misbehaviour.NEVER_ANSWERS)) {
            long start = System.nanoTime();
            Transcript.Run run = load(server.port(), "--connections", "2", "--range", "100", "--seconds", "30",
                    "--warmup", "0", "--timeout", "0.3", "--json");
            double took = (System.nanoTime() - start) / 1e9;
            assertEquals(1, run.exitCode(), run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            assertEquals(Map.of("timeout", 2L), nonZeroKinds(json), json.toString());
            assertEquals(0, json.get("roundtrips").getAsLong(), json.toString());
            double elapsed = json.get("elapsed_s").getAsDouble();
            assertTrue(elapsed >= 0.3 && elapsed <= took, "the run's real length, the reply timeout at least, at most "
                    + took + " s: " + json);
            assertEquals(0.0, json.get("seconds").getAsDouble(), 0.05, "no connection was left to measure: " + json);
        }
    }

    /** The window holds until the server first answers: a silent server gets no more than the window. */
    @Test
    void connectsArePacedByTheServersFirstAnswers() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(Misbehaviour.NEVER_ANSWERS)) {
            Transcript.Run run = load(server.port(), "--connections", "10", "--connect-window", "3", "--range", "100",
                    "--connect-timeout", "0.3", "--timeout", "0.6", "--seconds", "1", "--warmup", "0", "--json");
            assertEquals(1, run.exitCode(), run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            assertEquals(Map.of("connect_timeout", 7L, "timeout", 3L), nonZeroKinds(json), json.toString());
            assertEquals(3, server.accepted(), "only the window was let in");
        }
    }

    /**
     * A server whose listen backlog is full never lets a connection up: each counts
     * connect_timeout, and the run ends after --connect-timeout rather than at --seconds.
     */
    @Test
    void aServerThatNeverAcceptsCountsConnectTimeouts() throws Exception {
        try (FullBacklog server = new FullBacklog()) {
            long start = System.nanoTime();
            Transcript.Run run = load(server.address().getPort(), "--connections", "3", "--range", "100",
                    "--seconds", "30", "--warmup", "0", "--connect-timeout", "300ms", "--json");
            long elapsed = System.nanoTime() - start;
            assertEquals(1, run.exitCode(), run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            assertEquals(Map.of("connect_timeout", 3L), nonZeroKinds(json), json.toString());
            assertEquals(0, json.get("roundtrips").getAsLong(), json.toString());
            assertTrue(hasErrorRow(run.err(), "connect_timeout", 3), run.err());
            assertTrue(elapsed < java.time.Duration.ofSeconds(10).toNanos(), "ended long before --seconds 30: " + elapsed);
        }
    }

    /**
     * A server that accepts and then says nothing: the client's reply timeout (--timeout) ends each
     * connection as it runs out, counted as timeout, not as an I/O error and not found stalled at
     * the end; with no connection left the run ends long before --seconds.
     */
    @Test
    void aSilentServerCountsReplyTimeoutsAsTheyRunOut() throws Exception {
        try (SilentServer server = new SilentServer()) {
            long start = System.nanoTime();
            Transcript.Run run = load(server.address().getPort(), "--connections", "2", "--range", "100",
                    "--seconds", "30", "--warmup", "0", "--timeout", "300ms", "--json");
            long elapsed = System.nanoTime() - start;
            assertEquals(1, run.exitCode(), run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            assertEquals(Map.of("timeout", 2L), nonZeroKinds(json), json.toString());
            assertEquals(0, json.get("stalled").getAsInt(), "ended by the reply timeout while running: " + json);
            assertTrue(hasErrorRow(run.err(), "timeout", 2), run.err());
            assertTrue(elapsed < java.time.Duration.ofSeconds(10).toNanos(), "ended long before --seconds 30: " + elapsed);
            server.awaitClientClosed(10);
        }
    }

    @Test
    void aRefusedConnectionIsCountedAndEndsTheRunEarly() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Transcript.Run run = load(port, "--connections", "5", "--range", "10", "--seconds", "30", "--json");
        assertEquals(1, run.exitCode(), run.err());
        JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
        assertEquals(Map.of("connect_refused", 5L), nonZeroKinds(json), json.toString());
        assertTrue(json.get("seconds").getAsDouble() < 5, "no connection left: no point waiting 30 s: " + json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--connections=0", "--range=0", "--seconds=-1", "--warmup=-1", "--timeout=0",
            "--connect-timeout=0", "--connect-window=0", "--loops=0", "--port=0", "--seconds=NaN", "--timeout=soon",
            "--connect-timeout=0ms", "--timeout=2d"})
    void aBadFlagIsNamedInOneLine(String bad) {
        String flag = bad.substring(0, bad.indexOf('='));
        Map<String, String> options = new java.util.LinkedHashMap<>(Map.of(
                "--port", "1", "--connections", "1", "--range", "1", "--seconds", "1"));
        options.put(flag, bad.substring(bad.indexOf('=') + 1));
        List<String> args = new java.util.ArrayList<>(List.of("load"));
        options.forEach((option, value) -> args.add(option + "=" + value));
        Transcript.Run run = Transcript.run(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("hotcold load: " + flag + " must be"), run.err());
    }

    @Test
    void aRunWithoutConnectionsOrRangeUsesTheDefaults() throws Exception {
        try (Transport serving = new NioTransport();
             GameServer server = serving.serve(ServerConfig.loopback(0))) {
            Transcript.Run run = load(port(server), "--seconds", "0.5", "--warmup", "0", "--json");
            assertEquals(0, run.exitCode(), run.err());
            JsonObject json = JsonParser.parseString(run.lines().get(0)).getAsJsonObject();
            assertEquals(16, json.get("connections").getAsInt(), json.toString());
            assertEquals(100, json.get("range").getAsLong(), json.toString());
            assertTrue(run.err().startsWith("hotcold load: 16 connection(s) to 127.0.0.1:" + port(server)
                    + ", games on [1, 100], 0 s warmup, 0.5 s measured"), run.err());
        }
    }

    @Test
    void helpDocumentsEveryOptionAndItsDefault() {
        Transcript.Run run = Transcript.run("help", "load");
        assertEquals(0, run.exitCode(), run.err());
        for (String option : List.of("--host", "--port", "--connections", "--range", "--seconds", "--warmup", "--json",
                "--seed", "--timeout", "--connect-timeout", "--connect-window", "--loops", "--help")) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
        String flat = run.out().replaceAll("\\s+", " ");
        for (String option : List.of("--port=PORT Server port (default: 1234).",
                "--connections=C Connections, each playing its own games, at least 1 (default: 16).",
                "--range=R Games are played on [1, R], R at least 1 (default: 100).",
                "fractions allowed (default: 10).", "not counted in the figures (default: 1).")) {
            assertTrue(flat.contains(option), option + " in " + run.out());
        }
    }

    private static Transcript.Run load(int port, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "load";
        args[1] = "--port";
        args[2] = String.valueOf(port);
        System.arraycopy(options, 0, args, 3, options.length);
        return Transcript.run(args);
    }

    private static int port(GameServer server) {
        return ((InetSocketAddress) server.address()).getPort();
    }

    /** Whether stderr's table of errors has a row for {@code kind} with {@code count}, under its heading. */
    static boolean hasErrorRow(String err, String kind, long count) {
        return Pattern.compile("(?m)^hotcold load: \\d+ error\\(s\\), by kind:\n  kind +count  meaning\n(  .*\n)*"
                + "  " + Pattern.quote(kind) + " +" + count + "  \\S").matcher(err).find();
    }

    private static Map<String, Long> nonZeroKinds(JsonObject json) {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        json.getAsJsonObject("errors_by_kind").entrySet().forEach(entry -> {
            if (entry.getValue().getAsLong() != 0) {
                kinds.put(entry.getKey(), entry.getValue().getAsLong());
            }
        });
        return kinds;
    }
}
