package dev.hotcold.cli;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.transport.blocking.BlockingTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What README ("Operating hotcold") and {@code serve --help} promise about {@code --metrics-port}
 * and {@code --jfr}, on the real process.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeObservabilityIT {
    private static final Pattern METRICS_ON = Pattern.compile("metrics on http://([^:]+):(\\d+)/metrics");
    private static final Pattern SAMPLE = Pattern.compile("([a-z_]+(?:\\{[^}]*})?) (\\S+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The samples of one Prometheus text scrape, by series ({@code name{labels}}). */
    static Map<String, Double> parse(String scrape) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
            }
        }
        return samples;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Double> scrape(URI metrics) throws IOException, InterruptedException {
        HttpResponse<String> response = get(metrics);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().toString());
        return parse(response.body());
    }

    private static URI metricsUri(HotcoldProcess serve) throws InterruptedException {
        Matcher on = serve.awaitLine(METRICS_ON, Duration.ofSeconds(60));
        return URI.create("http://" + on.group(1) + ":" + on.group(2) + "/metrics");
    }

    @Test
    void theMetricsEndpointCountsWhatClientsDid() throws Exception {
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", "nio", "--port", "0",
                "--metrics-port", "0", "--quiet");
             BlockingTransport client = new BlockingTransport()) {
            URI metrics = metricsUri(serve);
            InetSocketAddress address = serve.awaitListening();
            Map<String, Double> before = scrape(metrics);
            assertEquals(0.0, before.get("hotcold_connections"));
            assertEquals(0.0, before.get("hotcold_protocol_errors_total{reason=\"unknown_command\"}"), "listed before it happens");
            assertTrue(before.keySet().stream().anyMatch(series -> series.startsWith("jvm_memory_used_bytes{")),
                    "the JVM's meters too");

            long guesses = 0;
            try (GameConnection connection = client.connect(address)) {
                for (long secret : new long[] {3, 77, 1000}) {
                    try (Game game = Game.start(connection, 1, 1000, secret)) {
                        List<Outcome> outcomes = game.play();
                        assertValidGame(outcomes, 1, 1000, secret);
                        guesses += outcomes.size();
                    }
                }
                Map<String, Double> during = scrape(metrics);
                assertEquals(1.0, during.get("hotcold_connections"), "the connection still open");
            }
            try (Socket raw = new Socket()) {
                raw.connect(address, 10_000);
                raw.getOutputStream().write("BOGUS\n".getBytes(StandardCharsets.US_ASCII));
                raw.setSoTimeout(30_000);
                assertEquals("ERROR unknown command", new BufferedReader(new InputStreamReader(raw.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine());
            }
            Map<String, Double> after = awaitScrape(metrics, samples ->
                    samples.get("hotcold_connections_closed_total{reason=\"client_left\"}") == 2.0);
            assertEquals(2.0, after.get("hotcold_connections_admitted_total"));
            assertEquals(0.0, after.get("hotcold_connections"));
            assertEquals(3.0, after.get("hotcold_games_started_total"));
            assertEquals(3.0, after.get("hotcold_games_finished_total{end=\"won\"}"));
            assertEquals(3.0, after.get("hotcold_game_guesses_count"));
            assertEquals((double) guesses, after.get("hotcold_game_guesses_sum"));
            assertEquals((double) guesses, after.get("hotcold_roundtrip_seconds_count"), "one per NUMBER, played in lockstep");
            assertEquals(1.0, after.get("hotcold_protocol_errors_total{reason=\"unknown_command\"}"));
            assertTrue(after.keySet().stream().anyMatch(series -> series.startsWith("hotcold_roundtrip_seconds_bucket{")),
                    "a histogram Prometheus can sum across servers");

            assertEquals(404, get(metrics.resolve("/")).statusCode());
            serve.terminate();
            assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.err());
        }
    }

    /**
     * The promise of README's "Operating hotcold": while {@code load} runs, a scrape shows its
     * connections; after it, the server's counters agree with load's own summary of the whole run.
     * Each connection has at most one round trip and one game in flight when load stops, so the
     * server's counts may exceed load's by at most one per connection.
     */
    @Test
    void theCountersAgreeWithLoadsSummary() throws Exception {
        int connections = 8;
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", "nio", "--port", "0",
                "--metrics-port", "0", "--quiet")) {
            URI metrics = metricsUri(serve);
            InetSocketAddress address = serve.awaitListening();
            try (HotcoldProcess load = HotcoldProcess.start("load", "--port", String.valueOf(address.getPort()),
                    "--connections", String.valueOf(connections), "--seconds", "3", "--warmup", "0", "--json")) {
                Map<String, Double> during = awaitScrape(metrics,
                        samples -> samples.get("hotcold_connections") == connections);
                assertTrue(during.get("hotcold_roundtrip_seconds_count") >= 0, during.toString());
                assertEquals(0, load.awaitExit(Duration.ofSeconds(60)), load.err());
                JsonObject summary = JsonParser.parseString(load.outUntilEnd().get(0)).getAsJsonObject();
                long games = summary.get("total_games").getAsLong();
                long roundTrips = summary.get("total_roundtrips").getAsLong();
                assertTrue(games > 0, summary.toString());

                Map<String, Double> after = awaitScrape(metrics, samples ->
                        samples.get("hotcold_connections_closed_total{reason=\"client_left\"}") == connections);
                assertEquals(connections, after.get("hotcold_connections_admitted_total"));
                assertEquals(0.0, after.get("hotcold_connections"));
                double served = after.get("hotcold_roundtrip_seconds_count");
                assertTrue(served >= roundTrips && served <= roundTrips + connections,
                        "server " + served + " round trips, load " + roundTrips);
                double won = after.get("hotcold_games_finished_total{end=\"won\"}");
                assertTrue(won >= games && won <= games + connections, "server " + won + " games won, load " + games);
                assertEquals(after.get("hotcold_games_started_total"), after.entrySet().stream()
                        .filter(sample -> sample.getKey().startsWith("hotcold_games_finished_total{"))
                        .mapToDouble(Map.Entry::getValue).sum(), "every game started has ended: " + after);
                assertTrue(after.get("hotcold_games_finished_total{end=\"cut_off\"}") <= connections,
                        "at most the game in play on each connection was cut off: " + after);
                assertEquals(0.0, after.entrySet().stream()
                        .filter(sample -> sample.getKey().startsWith("hotcold_protocol_errors_total"))
                        .mapToDouble(Map.Entry::getValue).sum(), "no protocol errors: " + after);
                assertEquals(0, summary.get("errors").getAsLong(), summary.toString());
            }
            serve.terminate();
            assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.err());
        }
    }

    /** Scrapes until {@code done} holds; what the server counts at a close may lag the client. */
    private Map<String, Double> awaitScrape(URI metrics, Predicate<Map<String, Double>> done)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Map<String, Double> samples = scrape(metrics);
            if (done.test(samples)) {
                return samples;
            }
            assertTrue(System.nanoTime() < deadline, "waited 30 s; last scrape: " + samples);
            Thread.sleep(20);
        }
    }

    @Test
    void aFlightRecordingIsWrittenWhenTheServerStops(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("serve.jfr");
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--port", "0", "--quiet", "--jfr", file.toString());
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            int rounds;
            try (GameConnection connection = client.connect(address);
                 Game game = Game.start(connection, 1, 100, 58)) {
                rounds = game.play().size();
            }
            serve.terminate();
            assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.err());
            List<String> out = serve.outUntilEnd();
            assertTrue(out.contains("flight recording written to " + file.toAbsolutePath()), out.toString());
            assertEquals("stopped: every game in play finished", out.get(out.size() - 1));
            List<RecordedEvent> games = RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().equals("dev.hotcold.GameFinished")).toList();
            assertEquals(1, games.size());
            assertEquals(rounds, games.get(0).getLong("guesses"));
            assertEquals("WON", games.get(0).getString("end"));
        }
    }

    /**
     * SIGTERM starts the graceful stop, not the JVM's shutdown (whose hook would stop the
     * recording at once): a game that finishes during the grace period is in the file.
     */
    @Test
    void aGameThatFinishesDuringTheGracePeriodIsRecorded(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("drain.jfr");
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--port", "0", "--quiet", "--grace", "60",
                "--jfr", file.toString());
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            int rounds = 1;
            try (GameConnection connection = client.connect(address);
                 Game game = Game.start(connection, 1, 1000, 777)) {
                Iterator<Outcome> play = game.iterator();
                play.next();
                serve.terminate();
                serve.awaitLine(Pattern.compile("stopping: .*"), Duration.ofSeconds(60));
                while (play.hasNext()) {
                    play.next();
                    rounds++;
                }
            }
            assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.err());
            List<String> out = serve.outUntilEnd();
            assertEquals("stopped: every game in play finished", out.get(out.size() - 1));
            List<RecordedEvent> games = RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().equals("dev.hotcold.GameFinished")).toList();
            assertEquals(1, games.size(), "the game played across SIGTERM");
            assertEquals(rounds, games.get(0).getLong("guesses"));
            assertEquals("WON", games.get(0).getString("end"));
            assertTrue(rounds > 1, "some of the game was played after the signal");
        }
    }

    /**
     * README's way to record every round trip: the JDK's settings plus the repository's
     * jfr/hotcold-roundtrips.jfc, on the real process; one event per NUMBER answered.
     */
    @Test
    void theRoundTripSettingsFileRecordsEveryRoundTrip(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("roundtrips.jfr");
        Path settings = Path.of("..", "jfr", "hotcold-roundtrips.jfc").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(settings), settings.toString());
        try (HotcoldProcess serve = HotcoldProcess.startWithJvmOptions(List.of("-XX:StartFlightRecording:settings=default,"
                        + "settings=" + settings + ",filename=" + file), "serve", "--port", "0", "--quiet");
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            int rounds;
            try (GameConnection connection = client.connect(address);
                 Game game = Game.start(connection, 1, 1000, 500)) {
                rounds = game.play().size();
            }
            serve.terminate();
            assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.err());
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            assertEquals(rounds, events.stream()
                    .filter(event -> event.getEventType().getName().equals("dev.hotcold.RoundTrip")).count());
            assertTrue(events.stream().anyMatch(event -> event.getEventType().getName().equals("jdk.JVMInformation")),
                    "the JDK's default events too");
        }
    }

    @Test
    void aRecordingThatCannotBeWrittenIsRefusedBeforeServing(@TempDir Path directory) throws Exception {
        Path nowhere = directory.resolve("no-such-directory").resolve("serve.jfr");
        HotcoldProcess.Result run = HotcoldProcess.run("serve", "--port", "0", "--jfr", nowhere.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("hotcold: cannot write the flight recording to " + nowhere + " (--jfr): no directory "
                + nowhere.getParent()), run.errLines());
        assertTrue(run.out().isEmpty(), "never listened: " + run.out());
    }

    @Test
    void aMetricsPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HotcoldProcess.Result run = HotcoldProcess.run("serve", "--port", "0",
                    "--metrics-port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode(), run.toString());
            assertEquals(List.of("hotcold: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()
                    + " (--metrics-port): Address already in use"), run.errLines());
        }
    }

    @Test
    void theGamePortAsMetricsPortIsAFlagError() throws Exception {
        HotcoldProcess.Result run = HotcoldProcess.run("serve", "--port", "4321", "--metrics-port", "4321");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(List.of("hotcold serve: Invalid value for option '--metrics-port': 4321 is the game server's"
                + " --port; give the metrics a port of their own (see 'hotcold help serve')"), run.errLines());
    }
}
