package dev.hotcold.testkit;

import static dev.hotcold.testkit.GameChecks.SEED_GAMES;
import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.client.ReplyListener;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite every transport passes: extend it, say how to make the transport and a
 * raw client, and the transport is held to the same behaviour as the others.
 *
 * <pre>{@code
 * class MyTransportConformanceTest extends TransportConformanceTest {
 *     protected Transport newTransport() { return new MyTransport(); }
 *     protected RawClient openRaw(SocketAddress address) throws IOException {
 *         return new SocketRawClient(address);
 *     }
 * }
 * }</pre>
 *
 * <p>Servers listen on loopback only. Tests wait on latches and futures, never on sleeps.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class TransportConformanceTest {
    /** Seed of the strategy of every server here, so failures replay. */
    protected static final long SEED = 76;

    private static final Duration TERMINATION = Duration.ofSeconds(20);

    /** The transport under test, made by {@link #newTransport()} before each test. */
    protected Transport transport;
    private final List<GameServer> servers = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    /** For subclasses, one per transport; JUnit makes one instance per test. */
    public TransportConformanceTest() {}

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

    /**
     * Checks, after a server terminated, that it left nothing behind that the suite cannot see
     * for itself. By default: no live platform thread named {@code hotcold-server...}, after
     * giving threads that are ending a moment to finish.
     *
     * @throws InterruptedException if interrupted while waiting for threads to end
     */
    protected void assertNoLeaks() throws InterruptedException {
        List<Thread> serverThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("hotcold-server"))
                .toList();
        for (Thread thread : serverThreads) {
            thread.join(TERMINATION.toMillis());
        }
        List<String> alive = serverThreads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        assertEquals(List.of(), alive, "server threads still alive after termination");
    }

    @BeforeEach
    void createTransport() {
        transport = overTls() ? new TlsEverywhere(newTransport(), TestCertificates.get()) : newTransport();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception ignored) {
                // Best effort: the test may have closed or broken it already.
            }
        }
        for (GameServer server : servers) {
            server.shutdownNow();
            assertTrue(server.awaitTermination(TERMINATION), "server terminates after shutdownNow");
        }
        transport.close();
    }

    /**
     * A server with the suite's defaults changed as {@code config} says.
     *
     * @param config the settings to serve with, usually from {@link #config(RecordingListener)}
     * @return the running server, shut down after the test
     * @throws IOException if the server cannot start
     */
    protected GameServer serve(ServerConfig.Builder config) throws IOException {
        GameServer server = transport.serve(config.build());
        servers.add(server);
        return server;
    }

    /**
     * The suite's server settings: loopback, any free port, the random strategy seeded with {@link #SEED},
     * and {@code listener}.
     *
     * @param listener hears the server's events
     * @return a builder to change further
     */
    protected ServerConfig.Builder config(RecordingListener listener) {
        return ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(SEED)).listener(listener);
    }

    /**
     * A client of the transport under test connected to {@code server}, closed after the test.
     *
     * @param server the server to connect to
     * @return the open connection
     * @throws IOException if the client cannot connect
     */
    protected GameConnection connect(GameServer server) throws IOException {
        GameConnection connection = transport.connect(server.address());
        clients.add(connection);
        return connection;
    }

    /**
     * A raw client connected to {@code server}, closed after the test.
     *
     * @param server the server to connect to
     * @return the connected client
     * @throws IOException if the client cannot connect
     */
    protected RawClient raw(GameServer server) throws IOException {
        RawClient client = openClient(server.address());
        clients.add(client);
        return client;
    }

    // --- The example games -----------------------------------------------------------------------

    @Test
    void playsTheSeedsThreeGamesOnOneConnection() throws Exception {
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        GameConnection connection = connect(server);
        List<String> clientSide = new ArrayList<>();
        for (long[] g : SEED_GAMES) {
            List<Outcome> outcomes;
            try (Game game = Game.start(connection, g[0], g[1], g[2])) {
                outcomes = game.play();
            }
            assertValidGame(outcomes, g[0], g[1], g[2]);
            outcomes.forEach(outcome -> clientSide.add(outcome.toString()));
        }
        listener.awaitCleared(SEED_GAMES.size());
        assertEquals(clientSide, listener.reports(), "the server heard every report, in order");
    }

    @Test
    void playsTheSeedsThreeGamesAsynchronously() throws Exception {
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        AsyncGameConnection connection = transport.connectAsync(server.address()).toCompletableFuture().get();
        clients.add(connection);
        CompletableFuture<List<List<Outcome>>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (long[] g : SEED_GAMES) {
            all = all.thenCompose(done -> AsyncGame.play(connection, g[0], g[1], g[2])
                    .thenApply(outcomes -> {
                        done.add(outcomes);
                        return done;
                    }));
        }
        List<List<Outcome>> games = all.get(30, TimeUnit.SECONDS);
        assertSeedGamesHeardInOrder(games, listener);
    }

    @Test
    void playsTheSeedsThreeGamesWithOneReplyListener() throws Exception {
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        AsyncGameConnection connection = transport.connectAsync(server.address()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        clients.add(connection);
        List<List<Outcome>> games = ListenerGames.play(connection, SEED_GAMES).get(30, TimeUnit.SECONDS);
        assertSeedGamesHeardInOrder(games, listener);
    }

    /** Each of the seed's games is valid, and the server heard every report the client made, in order. */
    private static void assertSeedGamesHeardInOrder(List<List<Outcome>> games, RecordingListener listener)
            throws InterruptedException {
        List<String> clientSide = new ArrayList<>();
        for (int i = 0; i < SEED_GAMES.size(); i++) {
            long[] g = SEED_GAMES.get(i);
            assertValidGame(games.get(i), g[0], g[1], g[2]);
            games.get(i).forEach(outcome -> clientSide.add(outcome.toString()));
        }
        listener.awaitCleared(SEED_GAMES.size());
        assertEquals(clientSide, listener.reports(), "the server heard every report, in order");
    }

    @Test
    void aReplyListenerHearsErrorsAsRepliesAndTheServersCloseAsAFailure() throws Exception {
        GameServer server = serve(config(new RecordingListener()));
        AsyncGameConnection connection = transport.connectAsync(server.address()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        clients.add(connection);
        BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
        ReplyListener recorder = new ReplyListener() {
            @Override
            public void onGuess(long number) {
                heard.add(number);
            }

            @Override
            public void onOtherReply(Reply reply) {
                heard.add(reply);
            }

            @Override
            public void onFailure(Throwable failure) {
                heard.add(failure);
            }
        };
        // Waiting first: the replies are handed over as they are read.
        connection.receive(recorder);
        connection.receive(recorder);
        connection.post(Command.NumberRequest.INSTANCE);   // no game yet
        connection.post(new Command.Params(7, 7));
        connection.post(Command.NumberRequest.INSTANCE);
        assertEquals(new Reply.Error(ErrorReason.NO_GAME.text()), heard.poll(30, TimeUnit.SECONDS));
        assertEquals(7L, heard.poll(30, TimeUnit.SECONDS));
        // Replies first (as a rule: they have time to arrive), kept until they are asked for.
        connection.post(Command.NumberRequest.INSTANCE);   // the one number was guessed
        connection.post(new Command.Params(-2, -2));
        connection.post(Command.NumberRequest.INSTANCE);
        Thread.sleep(200);
        connection.receive(recorder);
        connection.receive(recorder);
        assertEquals(new Reply.Error(ErrorReason.RANGE_EXHAUSTED.text()), heard.poll(30, TimeUnit.SECONDS));
        assertEquals(-2L, heard.poll(30, TimeUnit.SECONDS));
        connection.receive(recorder);   // nothing more will come: the server goes away
        server.shutdownNow();
        Object end = heard.poll(30, TimeUnit.SECONDS);
        assertInstanceOf(IOException.class, end, "the listener hears the end as a failure: " + end);
        assertNull(heard.poll(200, TimeUnit.MILLISECONDS), "one call per receive");
        connection.receive(recorder);   // after the end: told at once
        assertInstanceOf(IOException.class, heard.poll(30, TimeUnit.SECONDS));
    }

    @Test
    void hundredBlockingClientsPlayAtOnce() throws Exception {
        int clientCount = 100;
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        CountDownLatch allConnected = new CountDownLatch(clientCount);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> players = new ArrayList<>();
            for (int i = 0; i < clientCount; i++) {
                long secret = 1 + i % 50;
                players.add(threads.submit(() -> {
                    try (GameConnection connection = transport.connect(server.address())) {
                        allConnected.countDown();
                        allConnected.await();
                        for (int round = 0; round < 3; round++) {
                            try (Game game = Game.start(connection, 1, 50, secret)) {
                                assertValidGame(game.play(), 1, 50, secret);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> player : players) {
                player.get(45, TimeUnit.SECONDS);
            }
        }
        listener.awaitCleared(clientCount * 3);
        listener.awaitClosed(clientCount);
        assertEquals(0, server.connectionCount());
    }

    @Test
    void hundredAsynchronousClientsPlayAtOnce() throws Exception {
        int clientCount = 100;
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        List<CompletableFuture<List<Outcome>>> games = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            long secret = 1 + i % 100;
            games.add(transport.connectAsync(server.address()).toCompletableFuture()
                    .thenCompose(connection -> AsyncGame.play(connection, 1, 100, secret)
                            .whenComplete((outcomes, failure) -> connection.close()))
                    .toCompletableFuture());
        }
        for (int i = 0; i < clientCount; i++) {
            assertValidGame(games.get(i).get(45, TimeUnit.SECONDS), 1, 100, 1 + i % 100);
        }
        listener.awaitClosed(clientCount);
    }

    // --- Bad input ----------------------------------------------------------------------------

    static Stream<Arguments> badInput() {
        String tooLong = "NUMBER" + "9".repeat(2000);
        return Stream.of(
                Arguments.of("empty line", "\n", List.of("ERROR empty line")),
                Arguments.of("unknown command", "HELLO\n", List.of("ERROR unknown command")),
                Arguments.of("command in lower case", "params 1 5\n", List.of("ERROR unknown command")),
                Arguments.of("PARAMS with one bound", "PARAMS 1\n", List.of("ERROR usage: PARAMS <lower> <upper>")),
                Arguments.of("PARAMS with three bounds", "PARAMS 1 5 7\n", List.of("ERROR usage: PARAMS <lower> <upper>")),
                Arguments.of("PARAMS with two spaces", "PARAMS  1 5\n", List.of("ERROR usage: PARAMS <lower> <upper>")),
                Arguments.of("PARAMS with words", "PARAMS one five\n", List.of("ERROR bound is not a 64-bit integer")),
                Arguments.of("bound above long", "PARAMS 1 9223372036854775808\n", List.of("ERROR bound is not a 64-bit integer")),
                Arguments.of("bound below long", "PARAMS -9223372036854775809 1\n", List.of("ERROR bound is not a 64-bit integer")),
                Arguments.of("lower above upper", "PARAMS 5 1\n", List.of("ERROR lower bound is above upper bound")),
                Arguments.of("NUMBER before PARAMS", "NUMBER\n", List.of("ERROR no game in progress")),
                Arguments.of("NUMBER with an argument", "PARAMS 1 5\nNUMBER 3\n", List.of("ERROR usage: NUMBER")),
                Arguments.of("REPORT before PARAMS", "REPORT Warmer\n", List.of("ERROR no game in progress")),
                Arguments.of("REPORT with no guess", "PARAMS 1 5\nREPORT Warmer\n", List.of("ERROR no guess to report on")),
                Arguments.of("REPORT twice", "PARAMS 4 4\nNUMBER\nREPORT Unsure\nREPORT Unsure\n",
                        List.of("4", "ERROR no guess to report on")),
                Arguments.of("REPORT with no decision", "PARAMS 1 5\nREPORT\n",
                        List.of("ERROR usage: REPORT Warmer|Colder|Same|Unsure|Correct")),
                Arguments.of("REPORT with an unknown decision", "PARAMS 4 4\nNUMBER\nREPORT Hot\n",
                        List.of("4", "ERROR unknown decision")),
                Arguments.of("CLEAR with an argument", "CLEAR all\n", List.of("ERROR usage: CLEAR")),
                Arguments.of("NUMBER after CLEAR", "PARAMS 1 5\nCLEAR\nNUMBER\n", List.of("ERROR no game in progress")),
                Arguments.of("range exhausted", "PARAMS 9 9\nNUMBER\nREPORT Unsure\nNUMBER\n",
                        List.of("9", "ERROR range exhausted")),
                Arguments.of("line too long", tooLong + "\n", List.of("ERROR line too long")),
                Arguments.of("binary bytes", "\u00ff\u0000\u0001\n", List.of("ERROR unknown command")),
                Arguments.of("CRLF line ends", "PARAMS 4 4\r\nNUMBER\r\n", List.of("4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputGetsAClearErrorAndTheConnectionStaysUsable(String name, String input, List<String> replies)
            throws Exception {
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        RawClient client = raw(server);
        client.write(input.getBytes(ISO_8859_1));
        for (String expected : replies) {
            assertEquals(expected, client.readLine());
        }
        client.write("PARAMS 1 1\nNUMBER\n".getBytes(US_ASCII));
        assertEquals("1", client.readLine(), "the connection still plays after the error");
    }

    @Test
    void correctIsFollowedByTheSecretOnEveryNumber() throws Exception {
        GameServer server = serve(config(new RecordingListener()));
        RawClient client = raw(server);
        client.write("PARAMS 1 1000\nNUMBER\n".getBytes(US_ASCII));
        String guess = client.readLine();
        client.write("REPORT Correct\nNUMBER\nREPORT Correct\nNUMBER\n".getBytes(US_ASCII));
        assertEquals(guess, client.readLine());
        assertEquals(guess, client.readLine());
    }

    // --- Framing and pipelining ---------------------------------------------------------------

    /** A script whose replies do not depend on the strategy: single-number ranges and errors. */
    private static final String SCRIPT = "PARAMS 7 7\nNUMBER\nREPORT Correct\nNUMBER\nCLEAR\nNUMBER\n"
            + "PARAMS -3 -3\r\nNUMBER\r\nREPORT Unsure\r\nNUMBER\nBOGUS\nPARAMS 2 1\nCLEAR\n"
            + "PARAMS 9223372036854775807 9223372036854775807\nNUMBER\n";
    private static final List<String> SCRIPT_REPLIES = List.of("7", "7", "ERROR no game in progress", "-3",
            "ERROR range exhausted", "ERROR unknown command", "ERROR lower bound is above upper bound",
            "9223372036854775807");

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        GameServer server = serve(config(new RecordingListener()));
        RawClient client = raw(server);
        client.write(SCRIPT.getBytes(US_ASCII));
        for (String expected : SCRIPT_REPLIES) {
            assertEquals(expected, client.readLine());
        }
    }

    @Test
    void aLongBurstOfPipelinedNumbersGetsDistinctGuessesInOrder() throws Exception {
        int guesses = 20_000;
        GameServer server = serve(config(new RecordingListener()));
        RawClient client = raw(server);
        CompletableFuture<Set<String>> answers = CompletableFuture.supplyAsync(() -> {
            Set<String> seen = new HashSet<>();
            try {
                for (int i = 0; i < guesses; i++) {
                    String line = client.readLine();
                    assertNotNull(line, "reply " + i);
                    long number = Long.parseLong(line);
                    assertTrue(number >= 1 && number <= 1_000_000, line);
                    assertTrue(seen.add(line), "repeated guess " + line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return seen;
        });
        client.write(("PARAMS 1 1000000\n" + "NUMBER\n".repeat(guesses)).getBytes(US_ASCII));
        assertEquals(guesses, answers.get(45, TimeUnit.SECONDS).size());
    }

    @Test
    void inputSplitAtEveryByteGivesTheSameReplies() throws Exception {
        GameServer server = serve(config(new RecordingListener()));
        byte[] script = SCRIPT.getBytes(US_ASCII);
        RawClient byteByByte = raw(server);
        for (byte b : script) {
            byteByByte.write(new byte[] {b});
        }
        for (String expected : SCRIPT_REPLIES) {
            assertEquals(expected, byteByByte.readLine());
        }
        for (int split = 1; split < script.length; split++) {
            try (RawClient client = openClient(server.address())) {
                client.write(Arrays.copyOfRange(script, 0, split));
                client.write(Arrays.copyOfRange(script, split, script.length));
                for (String expected : SCRIPT_REPLIES) {
                    assertEquals(expected, client.readLine(), "split at byte " + split);
                }
            }
        }
    }

    @Test
    void aClientThatHalfClosesStillGetsEveryReply() throws Exception {
        int numbers = 50_000;
        GameServer server = serve(config(new RecordingListener()));
        RawClient client = raw(server);
        CompletableFuture<Integer> replies = CompletableFuture.supplyAsync(() -> {
            int count = 0;
            try {
                String line;
                while ((line = client.readLine()) != null) {
                    assertTrue(line.matches("\\d+"), line);
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return count;
        });
        client.write(("PARAMS 1 1000000000\n" + "NUMBER\n".repeat(numbers)).getBytes(US_ASCII));
        try {
            client.shutdownOutput();
        } catch (UnsupportedOperationException noHalfClose) {
            Assumptions.abort(noHalfClose.getMessage());
        }
        assertEquals(numbers, replies.get(45, TimeUnit.SECONDS),
                "every reply made before the client's end of input arrives");
    }

    // --- Connections coming and going ---------------------------------------------------------

    @Test
    void aClientThatVanishesMidGameIsForgotten() throws Exception {
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        RawClient vanishing = raw(server);
        vanishing.write("PARAMS 1 100\nNUMBER\n".getBytes(US_ASCII));
        assertNotNull(vanishing.readLine());
        vanishing.abort();
        listener.awaitClosed(1);
        assertEquals(0, server.connectionCount());
        GameConnection next = connect(server);
        try (Game game = Game.start(next, 1, 100, 42)) {
            assertValidGame(game.play(), 1, 100, 42);
        }
    }

    /**
     * The idle timeout on a fake clock: a connection silent for just under the timeout stays open
     * while the server looks at the clock many times; one silent for the timeout is closed.
     */
    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        Assumptions.assumeTrue(enforcesIdleTimeout(), "this transport has no idle timeout");
        Duration timeout = Duration.ofMillis(40);   // the shortest scan interval, 10 ms, on real time
        FakeClock clock = new FakeClock();
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener).idleTimeout(timeout).nanoClock(clock));
        RawClient silent = raw(server);
        listener.awaitOpened(1);
        clock.advance(timeout.minusNanos(1));
        clock.awaitReads(clock.reads(), 30, TERMINATION);   // idle scans ran at the new time
        silent.write("PARAMS 1 1\nNUMBER\n".getBytes(US_ASCII));
        assertEquals("1", silent.readLine(), "not closed before the timeout");
        // Let the server note the reply as sent at the current time before time moves on.
        clock.awaitReads(clock.reads(), 30, TERMINATION);
        clock.advance(timeout);
        assertNull(silent.readLine(), "the server hangs up on a silent client");
        listener.awaitClosed(1);
        assertEquals(0, server.connectionCount());
    }

    /**
     * The line timeout on a fake clock: a client that trickles a line (bytes keep moving, so the
     * idle timeout never fires) is told {@code ERROR line timeout} and closed once the line has
     * taken the timeout since its first byte, and its slot serves the next client. Lines that
     * finish in time, however long the silence between them, are served.
     */
    @Test
    void aLineTrickledPastTheLineTimeoutIsAnsweredAndClosed() throws Exception {
        Assumptions.assumeTrue(enforcesIdleTimeout(), "this transport has no clock");
        Duration timeout = Duration.ofMillis(40);   // scans every 10 ms of real time
        FakeClock clock = new FakeClock();
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener).maxConnections(1).idleTimeout(Duration.ZERO)
                .lineTimeout(timeout).nanoClock(clock));
        RawClient slow = raw(server);
        listener.awaitOpened(1);

        // A line that takes just under the timeout, after a silence far longer than it, is served.
        clock.advance(timeout.multipliedBy(10));
        slow.write("PARAMS 1 ".getBytes(US_ASCII));
        clock.awaitReads(clock.reads(), 30, TERMINATION);   // received, and scanned at this time
        clock.advance(timeout.minusNanos(1));
        clock.awaitReads(clock.reads(), 30, TERMINATION);
        slow.write("1\nNUMBER\n".getBytes(US_ASCII));
        assertEquals("1", slow.readLine(), "a line within the timeout is served");

        // The next line trickles: a byte, then another just before the timeout, then nothing whole.
        slow.write("N".getBytes(US_ASCII));
        clock.awaitReads(clock.reads(), 30, TERMINATION);
        clock.advance(timeout.minusNanos(1));
        slow.write("U".getBytes(US_ASCII));   // bytes move: not silent, yet the line is late
        clock.awaitReads(clock.reads(), 30, TERMINATION);
        clock.advance(Duration.ofNanos(1));
        assertEquals("ERROR line timeout", slow.readLine());
        assertNull(slow.readLine(), "then the server hangs up");
        listener.awaitClosed(1);
        assertEquals(0, server.connectionCount(), "the slot is free");

        GameConnection next = connect(server);
        try (Game game = Game.start(next, 1, 100, 42)) {
            assertValidGame(game.play(), 1, 100, 42);
        }
    }

    /** A line too long to keep is dropped as it comes, and still may not take forever. */
    @Test
    void aTooLongLineTrickledPastTheLineTimeoutIsCutToo() throws Exception {
        Assumptions.assumeTrue(enforcesIdleTimeout(), "this transport has no clock");
        Duration timeout = Duration.ofMillis(40);
        FakeClock clock = new FakeClock();
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener).idleTimeout(Duration.ZERO).lineTimeout(timeout).nanoClock(clock));
        RawClient slow = raw(server);
        byte[] tooLong = new byte[ServerConfig.builder().build().maxLineLength() + 10];
        Arrays.fill(tooLong, (byte) 'x');
        slow.write(tooLong);
        assertEquals("ERROR line too long", slow.readLine());
        clock.awaitReads(clock.reads(), 30, TERMINATION);
        clock.advance(timeout.minusNanos(1));
        slow.write("xxx".getBytes(US_ASCII));   // more of the same line, still no line feed
        clock.awaitReads(clock.reads(), 30, TERMINATION);
        clock.advance(Duration.ofNanos(1));
        assertEquals("ERROR line timeout", slow.readLine());
        assertNull(slow.readLine());
        listener.awaitClosed(1);
    }

    @Test
    void aListenerThatThrowsBreaksNoConnectionThreadOrLoop() throws Exception {
        RecordingListener heard = new RecordingListener();
        LogRecords logged = LogRecords.of(GameListener.class.getName());
        boolean idle = enforcesIdleTimeout();
        FakeClock clock = new FakeClock();
        GameServer server = serve(config(heard).listener(new ThrowingListener(heard, UserFailure.ASSERTION_ERROR)).nanoClock(clock)
                .idleTimeout(idle ? Duration.ofMillis(40) : Duration.ZERO));
        int opened = 0;
        if (idle) {
            // Closed by the idle timeout: on an event loop, from its timer.
            RawClient silent = raw(server);
            heard.awaitOpened(1);
            clock.advance(Duration.ofMillis(40));
            assertNull(silent.readLine(), "the server hangs up on a silent client");
            heard.awaitClosed(1);
            opened++;
        }
        RawClient wrong = raw(server);
        wrong.write("NUMBER\n".getBytes(US_ASCII));
        assertEquals("ERROR " + ErrorReason.NO_GAME.text(), wrong.readLine());
        opened++;
        // Enough connections, one after another, to land on every event loop of any transport here.
        for (int i = 0; i < 8; i++) {
            try (GameConnection connection = transport.connect(server.address());
                 Game game = Game.start(connection, 1, 100, 42 + i)) {
                assertValidGame(game.play(), 1, 100, 42 + i);
            }
            opened++;
        }
        wrong.close();
        heard.awaitClosed(opened - (idle ? 1 : 0));
        assertTrue(heard.reports().size() >= 8, "the reports reached the listener");
        assertEquals(0, server.connectionCount(), "every close was counted despite the listener");
        assertEquals(0, heard.openConnections());
        // The failures are logged, rate-limited: the server's first one at least, with what was thrown.
        logged.close();
        assertTrue(logged.records().stream().anyMatch(record -> record.getThrown() instanceof AssertionError failure
                        && String.valueOf(failure.getMessage()).startsWith("a test's assertion inside ")),
                "the listener's failure was logged with its cause: " + logged.records().stream()
                        .map(record -> record.getMessage() + " " + record.getThrown()).toList());
    }

    @Test
    void aClientThatNeverReadsDoesNotStopOthers() throws Exception {
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        RawClient flooder = raw(server);
        CountDownLatch flooding = new CountDownLatch(1);
        Thread writer = Thread.ofVirtual().start(() -> {
            byte[] numbers = "NUMBER\n".repeat(1024).getBytes(US_ASCII);
            try {
                flooder.write("PARAMS 1 1000000000\n".getBytes(US_ASCII));
                for (int i = 0; i < 4096; i++) {   // 28 MiB of requests, 50 MiB of replies unread
                    flooder.write(numbers);
                    flooding.countDown();
                }
            } catch (IOException closedByTheTest) {
                // The test hangs up on it at the end.
            }
            flooding.countDown();
        });
        assertTrue(flooding.await(30, TimeUnit.SECONDS));
        for (int i = 0; i < 8; i++) {
            try (GameConnection other = transport.connect(server.address());
                 Game game = Game.start(other, 1, 50, 1 + i)) {
                assertValidGame(game.play(), 1, 50, 1 + i);
            }
        }
        flooder.abort();
        writer.join(TERMINATION);
        assertTrue(!writer.isAlive(), "the flooder's writes end once it is gone");
        listener.awaitClosed(9);
        assertEquals(0, server.connectionCount());
    }

    @Test
    void servingOnAnAddressInUseFailsClearly() throws Exception {
        GameServer first = serve(config(new RecordingListener()));
        IOException failure = assertThrows(IOException.class,
                () -> serve(config(new RecordingListener()).bindAddress(first.address())));
        assertNotNull(failure.getMessage());
        assertTrue(failure.getMessage().contains("cannot listen on") || failure.getMessage().contains("already running"),
                failure.getMessage());
        GameConnection connection = connect(first);
        try (Game game = Game.start(connection, 1, 5, 3)) {
            assertValidGame(game.play(), 1, 5, 3);   // the first server is untouched
        }
    }

    @Test
    void startingAGameOnAClosedConnectionThrowsAnIOExceptionAtOnce() throws Exception {
        GameServer server = serve(config(new RecordingListener()));
        GameConnection connection = connect(server);
        connection.close();
        // Game throws no checked exception: the IOException comes wrapped, at once, on every transport.
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> Game.start(connection, 1, 5, 3));
        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void oneConnectionOverTheLimitIsToldTheServerIsBusy() throws Exception {
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener).maxConnections(2));
        RawClient first = raw(server);
        RawClient second = raw(server);
        listener.awaitOpened(2);
        if (overTls()) {
            assertEquals(Refusals.CLOSED, Refusals.overTls(() -> raw(server)), "a TLS client cannot read a plain-text refusal");
        } else {
            RawClient third = raw(server);
            assertEquals("ERROR " + ErrorReason.SERVER_BUSY.text(), third.readLine());
            assertNull(third.readLine(), "the busy server closes the connection");
        }
        first.close();
        listener.awaitClosed(1);
        RawClient fourth = raw(server);
        fourth.write("PARAMS 5 5\nNUMBER\n".getBytes(US_ASCII));
        assertEquals("5", fourth.readLine(), "a freed slot is used again");
        second.write("PARAMS 6 6\nNUMBER\n".getBytes(US_ASCII));
        assertEquals("6", second.readLine());
    }

    @Test
    void overTlsAPlainTextClientIsNotServed() throws Exception {
        Assumptions.assumeTrue(overTls(), "only over TLS");
        GameServer server = serve(config(new RecordingListener()));
        try (java.net.Socket plain = new java.net.Socket()) {
            plain.connect(server.address(), 10_000);
            plain.setSoTimeout(30_000);
            plain.getOutputStream().write("PARAMS 5 5\nNUMBER\n".getBytes(US_ASCII));
            String first;
            try {
                first = new java.io.BufferedReader(new java.io.InputStreamReader(plain.getInputStream(), US_ASCII)).readLine();
            } catch (IOException reset) {
                first = null;   // the server reset the connection: not served either
            }
            assertFalse("5".equals(first), "a plain-text game on a TLS server");
        }
    }

    @Test
    void connectingWhereNoServerListensFails() throws Exception {
        GameServer server = serve(config(new RecordingListener()));
        SocketAddress address = server.address();
        server.shutdownNow();
        assertTrue(server.awaitTermination(TERMINATION));
        assertThrows(IOException.class, () -> transport.connect(address));
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> transport.connectAsync(address).toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IOException, () -> "cause: " + failure.getCause());
    }

    // --- Shutdown -----------------------------------------------------------------------------

    @Test
    void shutdownLetsGamesInPlayFinishThenLeavesNothingBehind() throws Exception {
        warmUpClientSide();
        long fdsBefore = openFileDescriptors();
        int playing = 10;
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        List<GameConnection> connections = new ArrayList<>();
        List<Game> games = new ArrayList<>();
        List<Iterator<Outcome>> rounds = new ArrayList<>();
        List<List<Outcome>> played = new ArrayList<>();
        for (int i = 0; i < playing; i++) {
            GameConnection connection = connect(server);
            Game game = Game.start(connection, 1, 60, 1 + i);
            Iterator<Outcome> iterator = game.iterator();
            List<Outcome> outcomes = new ArrayList<>();
            outcomes.add(iterator.next());   // the server has answered: this game is in play
            connections.add(connection);
            games.add(game);
            rounds.add(iterator);
            played.add(outcomes);
        }
        GameConnection idle = connect(server);
        try (Game finished = Game.start(idle, 1, 3, 2)) {
            finished.play();
        }
        listener.awaitCleared(1);

        server.shutdown();

        assertThrows(IOException.class, idle::receive, "a connection with no game is closed");
        assertThrows(IOException.class, () -> {
            try (GameConnection late = transport.connect(server.address())) {
                late.send(Command.NumberRequest.INSTANCE);
                late.receive();
            }
        }, "no new connections are served");
        for (int i = 0; i < playing; i++) {
            Iterator<Outcome> iterator = rounds.get(i);
            List<Outcome> outcomes = played.get(i);
            iterator.forEachRemaining(outcomes::add);
            games.get(i).close();
            assertValidGame(outcomes, 1, 60, 1 + i);
        }
        assertTrue(server.awaitTermination(TERMINATION), "the server terminates once the games end");
        assertEquals(0, server.connectionCount());
        for (GameConnection connection : connections) {
            assertThrows(IOException.class, connection::receive, "finished connections are closed");
            connection.close();
        }
        idle.close();
        assertNoLeaks();
        long fdsAfter = openFileDescriptors();
        assertTrue(fdsAfter <= fdsBefore, "file descriptors: " + fdsBefore + " before, " + fdsAfter + " after");
    }

    @Test
    void shuttingDownTwiceAndClosingIsQuiet() throws Exception {
        List<java.util.logging.LogRecord> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    problems.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        root.addHandler(capture);
        try {
            GameServer server = serve(config(new RecordingListener()));
            try (GameConnection connection = connect(server); Game game = Game.start(connection, 1, 3, 2)) {
                game.play();
            }
            server.shutdown();
            assertTrue(server.awaitTermination(TERMINATION));
            server.shutdown();
            server.shutdownNow();
            server.close();
            assertTrue(server.isTerminated());
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), problems.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList());
    }

    @Test
    void shutdownNowCutsOffGamesInPlay() throws Exception {
        RecordingListener listener = new RecordingListener();
        GameServer server = serve(config(listener));
        GameConnection connection = connect(server);
        Game game = Game.start(connection, 1, 1_000_000, 999_999);
        Iterator<Outcome> rounds = game.iterator();
        rounds.next();
        server.shutdownNow();
        assertTrue(server.awaitTermination(TERMINATION));
        UncheckedIOException cut = assertThrows(UncheckedIOException.class, () -> {
            while (rounds.hasNext()) {
                rounds.next();
            }
        });
        assertInstanceOf(IOException.class, cut.getCause(), "the connection's failure is the cause");
        assertFalse(game.isOver(), "the game was cut off, not played to the end");
        game.close();   // pinned: quiet on every transport, though the server is gone
        assertEquals(0, server.connectionCount());
        assertNoLeaks();
    }

    /**
     * Plays one game against a throwaway server, so that what the transport keeps for its clients
     * (client event loops, say) exists before file descriptors are counted.
     */
    private void warmUpClientSide() throws Exception {
        GameServer throwaway = transport.serve(config(new RecordingListener()).build());
        try (GameConnection connection = transport.connect(throwaway.address());
             Game game = Game.start(connection, 1, 2, 2)) {
            game.play();
        }
        throwaway.shutdownNow();
        assertTrue(throwaway.awaitTermination(TERMINATION));
    }

    /**
     * Open file descriptors of this process where the platform tells (Linux), else 0.
     *
     * @return the number of open descriptors, or 0 where unknown
     * @throws IOException if the descriptor directory cannot be listed
     */
    protected static long openFileDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }

}
