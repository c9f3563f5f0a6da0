package dev.hotcold.testkit;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.events.CloseReason;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.ConnectionSummary;
import dev.hotcold.core.events.GameEnd;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.GameSummary;
import dev.hotcold.core.events.Refusal;
import dev.hotcold.core.events.ServerObserver;
import dev.hotcold.core.events.UserCodeSource;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a server tells its operators, on every transport: its {@link ServerObserver} hears each
 * admission, refusal, game (its guesses and how it ended), protocol error, round trip, user-code
 * failure and close (its games, bytes and reason), with figures that agree with what the client
 * saw; and a JDK Flight Recorder recording holds the same as events ({@code dev.hotcold.*}).
 *
 * <pre>{@code
 * class MyTransportObservabilityTest extends TransportObservabilityTest {
 *     protected Transport newTransport() { return new MyTransport(); }
 *     protected RawClient openRaw(SocketAddress address) throws IOException {
 *         return new ChannelRawClient(address);
 *     }
 * }
 * }</pre>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class TransportObservabilityTest {
    private static final Duration TERMINATION = Duration.ofSeconds(30);

    private Transport transport;
    private final List<GameServer> servers = new ArrayList<>();
    private final Observed observed = new Observed();

    /** For subclasses, one per transport; JUnit makes one instance per test. */
    public TransportObservabilityTest() {}

    /**
     * A fresh transport for each test; closed after it.
     *
     * @return the transport under test
     */
    protected abstract Transport newTransport();

    /**
     * Whether the suite runs over TLS: every server it starts serves with
     * {@link TestCertificates#serverTls()}, every client trusts the test CA, and raw clients are
     * {@link TlsRawClient}s. Socket transports run each suite twice, once plain and once with a
     * subclass that says {@code true}. {@code false} by default.
     *
     * @return {@code true} to run the suite over TLS
     */
    protected boolean overTls() {
        return false;
    }


    /**
     * A raw client connected to {@code address}.
     *
     * @param address the server's address
     * @return the connected client
     * @throws IOException if the client cannot connect
     */
    protected abstract RawClient openRaw(SocketAddress address) throws IOException;

    /** A raw client: {@link #openRaw}'s, or over TLS a {@link TlsRawClient} trusting the test CA. */
    private RawClient openClient(SocketAddress address) throws IOException {
        return transport instanceof TlsEverywhere tls ? new TlsRawClient(address, tls.clientTls()) : openRaw(address);
    }

    /**
     * Whether the transport enforces the idle timeout; transports with no clock say no.
     *
     * @return {@code true} if idle connections are closed
     */
    protected boolean enforcesIdleTimeout() {
        return true;
    }

    @BeforeEach
    void createTransport() {
        transport = overTls() ? new TlsEverywhere(newTransport(), TestCertificates.get()) : newTransport();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (GameServer server : servers) {
            server.shutdownNow();
            assertTrue(server.awaitTermination(TERMINATION));
        }
        transport.close();
    }

    private GameServer serve(ServerConfig.Builder config) throws IOException {
        GameServer server = transport.serve(config.observer(observed).build());
        servers.add(server);
        return server;
    }

    private static ServerConfig.Builder config() {
        return ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(76));
    }

    /** An observer that records what it hears. */
    private static final class Observed implements ServerObserver {
        final List<ConnectionInfo> admitted = new CopyOnWriteArrayList<>();
        final List<Refusal> refused = new CopyOnWriteArrayList<>();
        final List<ConnectionSummary> closed = new CopyOnWriteArrayList<>();
        final List<long[]> started = new CopyOnWriteArrayList<>();
        final List<GameSummary> games = new CopyOnWriteArrayList<>();
        final List<ErrorReason> errors = new CopyOnWriteArrayList<>();
        final List<UserCodeSource> failures = new CopyOnWriteArrayList<>();
        final AtomicLong roundTrips = new AtomicLong();
        final AtomicLong serviceNanos = new AtomicLong();
        final Semaphore closes = new Semaphore(0);

        @Override
        public void onConnectionAdmitted(ConnectionInfo connection) {
            admitted.add(connection);
        }

        @Override
        public void onConnectionRefused(SocketAddress client, Refusal reason) {
            refused.add(reason);
        }

        @Override
        public void onConnectionClosed(ConnectionInfo connection, ConnectionSummary summary) {
            closed.add(summary);
            closes.release();
        }

        @Override
        public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
            started.add(new long[] {lower, upper});
        }

        @Override
        public void onGameFinished(ConnectionInfo connection, GameSummary game) {
            games.add(game);
        }

        @Override
        public void onProtocolError(ConnectionInfo connection, ErrorReason reason) {
            errors.add(reason);
        }

        @Override
        public void onRoundTrip(ConnectionInfo connection, long nanos) {
            roundTrips.incrementAndGet();
            serviceNanos.addAndGet(nanos);
        }

        @Override
        public void onUserCodeFailure(ConnectionInfo connection, UserCodeSource source, Throwable failure) {
            failures.add(source);
        }

        void awaitClosed(int count) throws InterruptedException {
            assertTrue(closes.tryAcquire(count, 30, TimeUnit.SECONDS), "waited for " + count + " closes, heard "
                    + closed.size());
        }
    }

    /** The bytes a {@link Game} sends for {@code outcomes} on [lower, upper], PARAMS to CLEAR. */
    private static long commandBytes(long lower, long upper, List<Outcome> outcomes) {
        long bytes = ("PARAMS " + lower + " " + upper + "\n").length() + "CLEAR\n".length();
        for (Outcome outcome : outcomes) {
            bytes += "NUMBER\n".length() + ("REPORT " + outcome.decision().wireName() + "\n").length();
        }
        return bytes;
    }

    /** The reply bytes the server makes for {@code outcomes}: each guess and its line feed. */
    private static long replyBytes(List<Outcome> outcomes) {
        return outcomes.stream().mapToLong(outcome -> Long.toString(outcome.number()).length() + 1).sum();
    }

    @Test
    void eachGameAndConnectionIsReportedWithFiguresTheClientAgreesWith() throws Exception {
        GameServer server = serve(config());
        long[][] games = {{1, 5, 3}, {10, 15, 12}, {1, 100, 64}};
        long sent = 0;
        long received = 0;
        long rounds = 0;
        List<List<Outcome>> played = new ArrayList<>();
        try (GameConnection connection = transport.connect(server.address())) {
            for (long[] game : games) {
                try (Game one = Game.start(connection, game[0], game[1], game[2])) {
                    List<Outcome> outcomes = one.play();
                    assertValidGame(outcomes, game[0], game[1], game[2]);
                    played.add(outcomes);
                    sent += commandBytes(game[0], game[1], outcomes);
                    received += replyBytes(outcomes);
                    rounds += outcomes.size();
                }
            }
        }
        observed.awaitClosed(1);
        assertEquals(1, observed.admitted.size());
        assertEquals(games.length, observed.started.size());
        assertEquals(games.length, observed.games.size());
        for (int i = 0; i < games.length; i++) {
            assertEquals(games[i][0], observed.started.get(i)[0], "lower bound of started game " + i);
            assertEquals(games[i][1], observed.started.get(i)[1], "upper bound of started game " + i);
            GameSummary game = observed.games.get(i);
            assertEquals(GameEnd.WON, game.end());
            assertEquals(games[i][0], game.lower());
            assertEquals(games[i][1], game.upper());
            assertEquals(played.get(i).size(), game.guesses(), "guesses of game " + i);
            assertTrue(!game.duration().isNegative());
        }
        ConnectionSummary connection = observed.closed.get(0);
        assertEquals(games.length, connection.games());
        assertEquals(sent, connection.bytesIn(), "every command byte the client sent");
        assertEquals(received, connection.bytesOut(), "every reply byte the client read");
        assertEquals(CloseReason.CLIENT_LEFT, connection.reason());
        // A round trip per NUMBER when the client plays in lockstep, as Game does; never more.
        assertTrue(observed.roundTrips.get() >= 1 && observed.roundTrips.get() <= rounds,
                observed.roundTrips + " round trips for " + rounds + " NUMBERs");
        assertEquals(List.of(), observed.errors);
        assertEquals(List.of(), observed.failures);
    }

    @Test
    void gamesThatDoNotEndInAWinSayHowTheyEnded() throws Exception {
        GameServer server = serve(config());
        try (RawClient raw = openClient(server.address())) {
            raw.write("PARAMS 1 9\nNUMBER\nCLEAR\nPARAMS 1 9\nNUMBER\nPARAMS 20 29\nNUMBER\nNUMBER\n".getBytes(US_ASCII));
            for (int i = 0; i < 4; i++) {
                assertTrue(raw.readLine().matches("\\d+"));
            }
        }   // closed mid-game
        observed.awaitClosed(1);
        assertEquals(List.of(GameEnd.ABANDONED, GameEnd.REPLACED, GameEnd.CUT_OFF),
                observed.games.stream().map(GameSummary::end).toList());
        assertEquals(List.of(1L, 1L, 2L), observed.games.stream().map(GameSummary::guesses).toList());
        assertEquals(3, observed.closed.get(0).games());
    }

    @Test
    void protocolErrorsAndUserCodeFailuresAreCountedByKind() throws Exception {
        GameListener failing = new GameListener() {
            @Override
            public void onReport(ConnectionInfo connection, long guess, Decision decision) {
                throw new IllegalStateException("a listener bug (a test's)");
            }
        };
        GuessStrategy random = GuessStrategy.random(3);
        GuessStrategy strategy = (lower, upper) -> {
            if (lower == 666) {
                throw new IllegalStateException("a strategy bug (a test's)");
            }
            return random.newGame(lower, upper);
        };
        GameServer server = serve(config().listener(failing).strategy(strategy));
        try (RawClient raw = openClient(server.address())) {
            raw.write("BOGUS\nNUMBER\nPARAMS 666 667\nPARAMS 1 1\nNUMBER\nREPORT Correct\nCLEAR\n".getBytes(US_ASCII));
            assertEquals("ERROR " + ErrorReason.UNKNOWN_COMMAND.text(), raw.readLine());
            assertEquals("ERROR " + ErrorReason.NO_GAME.text(), raw.readLine());
            assertEquals("ERROR " + ErrorReason.INTERNAL_ERROR.text(), raw.readLine());
            assertEquals("1", raw.readLine());
        }
        observed.awaitClosed(1);
        assertEquals(List.of(ErrorReason.UNKNOWN_COMMAND, ErrorReason.NO_GAME, ErrorReason.INTERNAL_ERROR),
                observed.errors);
        // The listener's failure is reported from wherever it is called: wait for it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (observed.failures.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Map.of(UserCodeSource.STRATEGY, 1L, UserCodeSource.LISTENER, 1L),
                observed.failures.stream().collect(Collectors.groupingBy(source -> source, Collectors.counting())));
    }

    @Test
    void aRefusalIsReported() throws Exception {
        GameServer server = serve(config().maxConnections(1));
        try (RawClient first = openClient(server.address())) {
            first.write("PARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
            assertTrue(first.readLine().matches("\\d"), "admitted and served");
            if (overTls()) {
                assertEquals(Refusals.CLOSED, Refusals.overTls(() -> openClient(server.address())));
            } else {
                try (RawClient second = openClient(server.address())) {
                    assertEquals("ERROR " + ErrorReason.SERVER_BUSY.text(), second.readLine());
                }
            }
            assertEquals(List.of(Refusal.BUSY), observed.refused);
        }
    }

    @Test
    void aSilentConnectionIsReportedClosedByTheIdleTimeout() throws Exception {
        Assumptions.assumeTrue(enforcesIdleTimeout(), "no idle timeout on this transport");
        FakeClock clock = new FakeClock();
        GameServer server = serve(config().nanoClock(clock).idleTimeout(Duration.ofMillis(40)));
        try (RawClient silent = openClient(server.address())) {
            silent.write("PARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
            assertTrue(silent.readLine().matches("\\d"));
            // The server may note its reply as sent just after a first advance: advance until it
            // gives up on the connection (each step is a whole timeout of silence).
            do {
                clock.advance(Duration.ofMillis(40));
            } while (!observed.closes.tryAcquire(50, TimeUnit.MILLISECONDS));
            assertNull(silent.readLine(), "closed without a word");
        }
        assertEquals(CloseReason.IDLE_TIMEOUT, observed.closed.get(0).reason());
        assertEquals(GameEnd.CUT_OFF, observed.games.get(0).end());
    }

    @Test
    void aClientCutForSilenceIsRecordedOnceWithTheTimeItKeptTheServerWaiting() throws Exception {
        Assumptions.assumeTrue(enforcesIdleTimeout(), "no idle timeout on this transport");
        FakeClock clock = new FakeClock();
        GameServer server = serve(config().nanoClock(clock).idleTimeout(Duration.ofMillis(40)));
        Path file = Files.createTempFile("hotcold", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.hotcold.ClientCut");
            recording.enable("dev.hotcold.ConnectionClosed");
            recording.start();
            try (RawClient silent = openClient(server.address());
                 RawClient busy = openClient(server.address())) {
                silent.write("PARAMS 1 9\n".getBytes(US_ASCII));
                busy.write("PARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
                assertTrue(busy.readLine().matches("\\d"));
                do {   // half a timeout a step: the busy client is never silent for a whole one
                    clock.advance(Duration.ofMillis(20));
                    busy.write("CLEAR\nPARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
                    assertTrue(busy.readLine().matches("\\d"));
                } while (!observed.closes.tryAcquire(50, TimeUnit.MILLISECONDS));
                assertNull(silent.readLine(), "closed without a word");
            }
            observed.awaitClosed(1);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> cuts = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().equals("dev.hotcold.ClientCut")).toList();
        Files.delete(file);
        assertEquals(1, cuts.size(), "the silent client only, and once: " + cuts);
        RecordedEvent cut = cuts.get(0);
        assertEquals("IDLE_TIMEOUT", cut.getString("deadline"));
        assertEquals(observed.closed.get(0).reason().name(), cut.getString("deadline"));
        assertTrue(cut.getDuration("waited").compareTo(Duration.ofMillis(40)) >= 0, "waited " + cut.getDuration("waited"));
    }

    /**
     * A line trickled past the line timeout: one ClientCut (LINE_TIMEOUT) with the time the line
     * took, the ERROR the client was told as a protocol error, and LINE_TIMEOUT as the close reason.
     */
    @Test
    void aClientCutForALateLineIsRecordedWithTheErrorItWasTold() throws Exception {
        Assumptions.assumeTrue(enforcesIdleTimeout(), "no clock on this transport");
        FakeClock clock = new FakeClock();
        GameServer server = serve(config().nanoClock(clock).idleTimeout(Duration.ZERO).lineTimeout(Duration.ofMillis(40)));
        Path file = Files.createTempFile("hotcold", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.hotcold.ClientCut");
            recording.enable("dev.hotcold.ProtocolError");
            recording.start();
            try (RawClient slow = openClient(server.address())) {
                slow.write("PARAMS 1 ".getBytes(US_ASCII));
                clock.awaitReads(clock.reads(), 30, Duration.ofSeconds(30));
                clock.advance(Duration.ofMillis(40));
                assertEquals("ERROR line timeout", slow.readLine());
                assertNull(slow.readLine());
            }
            observed.awaitClosed(1);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        List<RecordedEvent> cuts = events.stream()
                .filter(event -> event.getEventType().getName().equals("dev.hotcold.ClientCut")).toList();
        assertEquals(1, cuts.size(), "once: " + cuts);
        assertEquals("LINE_TIMEOUT", cuts.get(0).getString("deadline"));
        assertTrue(cuts.get(0).getDuration("waited").compareTo(Duration.ofMillis(40)) >= 0);
        assertEquals(List.of("line timeout"), events.stream()
                .filter(event -> event.getEventType().getName().equals("dev.hotcold.ProtocolError"))
                .map(event -> event.getString("reason")).toList());
        assertEquals(List.of(ErrorReason.LINE_TIMEOUT), observed.errors);
        assertEquals(CloseReason.LINE_TIMEOUT, observed.closed.get(0).reason());
    }

    @Test
    void shutdownsAreReportedAsTheReasonTheyClosedConnections() throws Exception {
        GameServer server = serve(config());
        try (RawClient between = openClient(server.address());
             RawClient playing = openClient(server.address())) {
            between.write("PARAMS 1 9\nNUMBER\nCLEAR\n".getBytes(US_ASCII));
            assertTrue(between.readLine().matches("\\d"));
            playing.write("PARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
            assertTrue(playing.readLine().matches("\\d"));
            server.shutdown();   // the one between games goes at once; the other plays on
            assertNull(between.readLine());
            observed.awaitClosed(1);
            assertEquals(CloseReason.SHUTDOWN, observed.closed.get(0).reason());
            server.shutdownNow();
            assertNull(playing.readLine());
            observed.awaitClosed(1);
            assertEquals(CloseReason.SHUTDOWN_NOW, observed.closed.get(1).reason());
        }
        assertTrue(server.awaitTermination(TERMINATION));
    }

    @Test
    void anObserverThatThrowsEverywhereEndsNothing() throws Exception {
        ServerObserver throwing = new ServerObserver() {
            @Override
            public void onConnectionAdmitted(ConnectionInfo connection) {
                throw new AssertionError("an observer bug (a test's)");
            }

            @Override
            public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
                throw new StackOverflowError("an observer bug (a test's)");
            }

            @Override
            public void onGameFinished(ConnectionInfo connection, GameSummary game) {
                throw new IllegalStateException("an observer bug (a test's)");
            }

            @Override
            public void onRoundTrip(ConnectionInfo connection, long nanos) {
                throw new AssertionError("an observer bug (a test's)");
            }

            @Override
            public void onConnectionClosed(ConnectionInfo connection, ConnectionSummary summary) {
                throw new IllegalStateException("an observer bug (a test's)");
            }
        };
        GameServer server = transport.serve(config().observer(throwing).build());
        servers.add(server);
        for (int i = 1; i <= 8; i++) {
            try (GameConnection connection = transport.connect(server.address());
                 Game game = Game.start(connection, 1, 50, i)) {
                assertValidGame(game.play(), 1, 50, i);
            }
        }
        server.shutdown();
        assertTrue(server.awaitTermination(TERMINATION), "the server terminates");
        assertEquals(0, server.connectionCount());
    }

    @Test
    void aFlightRecordingHoldsTheSameAsEvents() throws Exception {
        Path file = Files.createTempFile("hotcold", ".jfr");
        GameServer server = serve(config());
        List<Outcome> outcomes;
        try (Recording recording = new Recording()) {
            for (String name : List.of("ConnectionAdmitted", "ConnectionClosed", "GameFinished", "ProtocolError",
                    "RoundTrip", "UserCodeFailure", "ConnectionRefused")) {
                recording.enable("dev.hotcold." + name);
            }
            recording.start();
            try (GameConnection connection = transport.connect(server.address());
                 Game game = Game.start(connection, 1, 100, 37)) {
                outcomes = game.play();
            }
            try (RawClient raw = openClient(server.address())) {
                raw.write("BOGUS\n".getBytes(US_ASCII));
                assertEquals("ERROR " + ErrorReason.UNKNOWN_COMMAND.text(), raw.readLine());
            }
            observed.awaitClosed(2);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        Map<String, List<RecordedEvent>> byName = events.stream()
                .filter(event -> event.getEventType().getName().startsWith("dev.hotcold."))
                .collect(Collectors.groupingBy(event -> event.getEventType().getName().substring("dev.hotcold.".length())));
        assertEquals(2, byName.get("ConnectionAdmitted").size(), byName.keySet().toString());
        assertEquals(2, byName.get("ConnectionClosed").size());
        RecordedEvent game = byName.get("GameFinished").get(0);
        assertEquals(outcomes.size(), game.getLong("guesses"));
        assertEquals("WON", game.getString("end"));
        assertEquals(100, game.getLong("upper"));
        assertEquals(outcomes.size(), byName.get("RoundTrip").size(), "one per NUMBER, in lockstep play");
        assertEquals(ErrorReason.UNKNOWN_COMMAND.text(), byName.get("ProtocolError").get(0).getString("reason"));
        RecordedEvent closed = byName.get("ConnectionClosed").stream()
                .filter(event -> event.getLong("games") == 1).findFirst().orElseThrow();
        assertEquals(replyBytes(outcomes), closed.getLong("bytesOut"));
        assertEquals("CLIENT_LEFT", closed.getString("reason"));
    }
}
