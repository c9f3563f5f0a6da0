package dev.hotcold.micrometer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.events.CloseReason;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameEnd;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.Refusal;
import dev.hotcold.core.events.UserCodeSource;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.SocketRawClient;
import dev.hotcold.transport.nio.NioTransport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters, read from a {@link SimpleMeterRegistry}, against real servers and clients over NIO. */
class HotColdMetersTest {
    private static final int ROUND_TRIP_BUCKET_COUNT = 25;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Transport transport = NioTransport.builder().build();
    private final List<GameServer> servers = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (GameServer server : servers) {
            server.shutdownNow();
            assertTrue(server.awaitTermination(Duration.ofSeconds(30)));
        }
        transport.close();
    }

    private GameServer serve(HotColdMeters meters, ServerConfig.Builder config) throws Exception {
        GameServer server = transport.serve(config.observer(meters).build());
        servers.add(server);
        return server;
    }

    private static ServerConfig.Builder config() {
        return ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(5));
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    /** Waits for what the server counts after the client has gone; fails after 30 seconds. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 30 s for " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void everyMeterAndEveryTagValueIsThereBeforeTheFirstConnection() {
        new HotColdMeters(registry);
        Set<String> names = registry.getMeters().stream().map(meter -> meter.getId().getName())
                // the registry's own, for the percentiles and histogram buckets published
                .filter(name -> !name.endsWith(".percentile") && !name.endsWith(".histogram"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("hotcold.connections", "hotcold.connections.admitted", "hotcold.connections.refused",
                "hotcold.connections.closed", "hotcold.received", "hotcold.sent", "hotcold.games.started",
                "hotcold.games.finished", "hotcold.game.guesses", "hotcold.game.duration", "hotcold.roundtrip",
                "hotcold.protocol.errors", "hotcold.usercode.failures"), names);
        assertEquals(ErrorReason.values().length, registry.get("hotcold.protocol.errors").counters().size());
        assertEquals(CloseReason.values().length, registry.get("hotcold.connections.closed").counters().size());
        assertEquals(GameEnd.values().length, registry.get("hotcold.games.finished").counters().size());
        assertEquals(Refusal.values().length, registry.get("hotcold.connections.refused").counters().size());
        assertEquals(UserCodeSource.values().length, registry.get("hotcold.usercode.failures").counters().size());
        assertEquals(0, count("hotcold.protocol.errors", "reason", "unknown_command"));
        assertEquals(0, count("hotcold.connections.refused", "reason", "shutting_down"));
        assertEquals(0, registry.get("hotcold.connections").gauge().value());
        assertEquals("bytes", registry.get("hotcold.sent").counter().getId().getBaseUnit());
    }

    /** A registry without histograms (a push registry, say) still gets the percentiles of each server. */
    @Test
    void roundTripsAndGuessesPublishTheirMedianAndTailPercentiles() {
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        HotColdMeters meters = new HotColdMeters(simple);
        ConnectionInfo connection = new ConnectionInfo(1, new java.net.InetSocketAddress("127.0.0.1", 5));
        for (int i = 1; i <= 1000; i++) {
            meters.onRoundTrip(connection, i * 1_000L);
        }
        List<Double> percentiles = java.util.Arrays.stream(simple.get("hotcold.roundtrip").timer().takeSnapshot()
                .percentileValues()).map(value -> value.percentile()).toList();
        assertEquals(List.of(0.5, 0.99, 0.999), percentiles);
        double p99 = simple.get("hotcold.roundtrip").timer().takeSnapshot().percentileValues()[1].value(TimeUnit.MICROSECONDS);
        assertTrue(p99 >= 950 && p99 <= 1050, "p99 of 1..1000 µs, within the histogram's precision: " + p99);
        assertEquals(3, simple.get("hotcold.game.guesses").summary().takeSnapshot().percentileValues().length);
    }

    @Test
    void histogramsOnlyKeepsTheBucketsAndComputesNoPercentiles() {
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        simple.config().meterFilter(HotColdMeters.histogramsOnly());
        HotColdMeters meters = new HotColdMeters(simple);
        meters.onRoundTrip(new ConnectionInfo(1, new java.net.InetSocketAddress("127.0.0.1", 5)), 1_500);
        var snapshot = simple.get("hotcold.roundtrip").timer().takeSnapshot();
        assertEquals(0, snapshot.percentileValues().length);
        assertEquals(ROUND_TRIP_BUCKET_COUNT, snapshot.histogramCounts().length);
        assertEquals(1.0, java.util.Arrays.stream(snapshot.histogramCounts())
                .filter(bucket -> bucket.bucket(TimeUnit.NANOSECONDS) == 2_000).findFirst().orElseThrow().count());
        assertEquals(0, simple.get("hotcold.game.guesses").summary().takeSnapshot().percentileValues().length);
    }

    @Test
    void theRoundTripHistogramResolvesLessThanAMicrosecondInAPrometheusScrape() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new HotColdMeters(prometheus);
        List<Double> bounds = prometheus.scrape().lines()
                .filter(line -> line.startsWith("hotcold_roundtrip_seconds_bucket{"))
                .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                .filter(bound -> !bound.equals("+Inf"))
                .map(Double::parseDouble).sorted().toList();
        // A warm server answers most round trips within a microsecond: Micrometer's default lowest
        // bucket, 1 ms, would hold them all.
        assertEquals(List.of(1e-7, 2e-7, 5e-7, 1e-6), bounds.subList(0, 4));
        assertEquals(10.0, bounds.get(bounds.size() - 1));
        assertEquals(ROUND_TRIP_BUCKET_COUNT, bounds.size(), "each bucket is a series in every scrape");
        prometheus.close();
    }

    @Test
    void gamesAndConnectionsAddUpToWhatTheClientsPlayed() throws Exception {
        HotColdMeters meters = new HotColdMeters(registry);
        GameServer server = serve(meters, config());
        long guesses = 0;
        long replyBytes = 0;
        long numbers = 0;
        for (int connectionIndex = 0; connectionIndex < 2; connectionIndex++) {
            try (GameConnection connection = transport.connect(server.address())) {
                for (long secret = 1; secret <= 30; secret += 7) {
                    try (Game game = Game.start(connection, 1, 30, secret)) {
                        List<Outcome> outcomes = game.play();
                        guesses += outcomes.size();
                        numbers += outcomes.size();
                        for (Outcome outcome : outcomes) {
                            replyBytes += Long.toString(outcome.number()).length() + 1;
                        }
                    }
                }
                await("the open connection's gauge", () -> meters.connections() == 1);
                assertEquals(1, registry.get("hotcold.connections").gauge().value());
            }
        }
        await("both closes", () -> count("hotcold.connections.closed", "reason", "client_left") == 2);
        assertEquals(0, registry.get("hotcold.connections").gauge().value());
        assertEquals(2, count("hotcold.connections.admitted"));
        assertEquals(10, count("hotcold.games.started"));
        assertEquals(10, count("hotcold.games.finished", "end", "won"));
        assertEquals(0, count("hotcold.games.finished", "end", "cut_off"));
        DistributionSummary perGame = registry.get("hotcold.game.guesses").summary();
        assertEquals(10, perGame.count());
        assertEquals(guesses, (long) perGame.totalAmount());
        assertEquals(10, registry.get("hotcold.game.duration").timer().count());
        Timer roundTrip = registry.get("hotcold.roundtrip").timer();
        // One per NUMBER when the client plays in lockstep, as Game does; never more.
        assertTrue(roundTrip.count() >= 1 && roundTrip.count() <= numbers, roundTrip.count() + " of " + numbers);
        assertTrue(roundTrip.totalTime(TimeUnit.NANOSECONDS) > 0);
        assertEquals(replyBytes, (long) count("hotcold.sent"));
        assertTrue(count("hotcold.received") > count("hotcold.sent"), "commands are longer than guesses");
        assertEquals(0, registry.get("hotcold.protocol.errors").counters().stream().mapToDouble(Counter::count).sum());
    }

    @Test
    void errorsRefusalsAndUserCodeFailuresAreCountedByKind() throws Exception {
        HotColdMeters meters = new HotColdMeters(registry);
        GuessStrategy random = GuessStrategy.random(3);
        GuessStrategy strategy = (lower, upper) -> {
            if (lower == 666) {
                throw new IllegalStateException("a strategy bug (a test's)");
            }
            return random.newGame(lower, upper);
        };
        GameListener failing = new GameListener() {
            @Override
            public void onReport(ConnectionInfo connection, long guess, Decision decision) {
                throw new AssertionError("a listener bug (a test's)");
            }
        };
        GameServer server = serve(meters, config().maxConnections(1).strategy(strategy).listener(failing));
        try (RawClient raw = new SocketRawClient(server.address())) {
            raw.write("BOGUS\nNUMBER\nNUMBER\nPARAMS 666 667\nPARAMS 1 1\nNUMBER\nREPORT Correct\n".getBytes(US_ASCII));
            assertEquals("ERROR " + ErrorReason.UNKNOWN_COMMAND.text(), raw.readLine());
            assertEquals("ERROR " + ErrorReason.NO_GAME.text(), raw.readLine());
            assertEquals("ERROR " + ErrorReason.NO_GAME.text(), raw.readLine());
            assertEquals("ERROR " + ErrorReason.INTERNAL_ERROR.text(), raw.readLine());
            assertEquals("1", raw.readLine());
            try (RawClient turnedAway = new SocketRawClient(server.address())) {
                assertEquals("ERROR " + ErrorReason.SERVER_BUSY.text(), turnedAway.readLine());
            }
        }
        await("the close", () -> count("hotcold.connections.closed", "reason", "client_left") == 1);
        assertEquals(1, count("hotcold.protocol.errors", "reason", "unknown_command"));
        assertEquals(2, count("hotcold.protocol.errors", "reason", "no_game"));
        assertEquals(1, count("hotcold.protocol.errors", "reason", "internal_error"));
        assertEquals(1, count("hotcold.connections.refused", "reason", "busy"));
        assertEquals(1, count("hotcold.connections.admitted"), "the refused connection was never admitted");
        assertEquals(1, count("hotcold.usercode.failures", "source", "strategy"));
        // The listener runs off the loop: its failure may be counted after the close.
        await("the listener's failure", () -> count("hotcold.usercode.failures", "source", "listener") == 1);
        assertEquals(1, count("hotcold.games.finished", "end", "won"));
    }

    @Test
    void tagsGoOnEveryMeterAndTwoSetsLiveSideBySide() throws Exception {
        HotColdMeters east = new HotColdMeters(registry, Tags.of("server", "east"));
        HotColdMeters west = new HotColdMeters(registry, Tags.of("server", "west"));
        for (Meter meter : registry.getMeters()) {
            assertTrue(meter.getId().getTags().stream().map(Tag::getKey).anyMatch("server"::equals), meter.getId()::toString);
        }
        GameServer eastServer = serve(east, config());
        serve(west, config());
        try (GameConnection connection = transport.connect(eastServer.address());
             Game game = Game.start(connection, 1, 8, 4)) {
            game.play();
        }
        await("east's close", () -> count("hotcold.connections.closed", "server", "east", "reason", "client_left") == 1);
        assertEquals(1, count("hotcold.games.finished", "server", "east", "end", "won"));
        assertEquals(0, count("hotcold.games.finished", "server", "west", "end", "won"));
        assertEquals(0, count("hotcold.connections.admitted", "server", "west"));
    }

    @Test
    void oneSetOfMetersAddsUpSeveralServers() throws Exception {
        HotColdMeters meters = new HotColdMeters(registry);
        List<GameServer> both = List.of(serve(meters, config()), serve(meters, config()));
        for (GameServer server : both) {
            try (GameConnection connection = transport.connect(server.address());
                 Game game = Game.start(connection, 1, 8, 4)) {
                game.play();
            }
        }
        await("both closes", () -> count("hotcold.connections.closed", "reason", "client_left") == 2);
        assertEquals(2, count("hotcold.games.started"));
        assertEquals(0, meters.connections());
    }

    @Test
    void aShutdownCutsTheGameInPlayAndSaysSo() throws Exception {
        HotColdMeters meters = new HotColdMeters(registry);
        GameServer server = serve(meters, config());
        try (RawClient raw = new SocketRawClient(server.address())) {
            raw.write("PARAMS 1 100\nNUMBER\n".getBytes(US_ASCII));
            assertTrue(raw.readLine().matches("\\d+"));
            server.shutdownNow();
            assertEquals(null, raw.readLine());
        }
        await("the close", () -> count("hotcold.connections.closed", "reason", "shutdown_now") == 1);
        assertEquals(1, count("hotcold.games.finished", "end", "cut_off"));
        assertEquals(0, meters.connections());
    }

    @Test
    void nullsAreRefusedByName() {
        assertEquals("registry", assertThrows(NullPointerException.class, () -> new HotColdMeters(null)).getMessage());
        assertEquals("tags", assertThrows(NullPointerException.class, () -> new HotColdMeters(registry, null)).getMessage());
    }
}
