package dev.hotcold.testkit;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.client.ReplyListener;
import dev.hotcold.core.client.ServerErrorException;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The boundary between a transport and its users' code, held to what core promises
 * ({@code dev.hotcold.core.boundary.UserCode}): a listener or strategy that throws anything
 * ({@link UserFailure}: exceptions, {@link AssertionError}, a real {@link StackOverflowError}, an
 * undeclared checked exception) ends at most its own game, never a thread, a loop or a slot; one
 * that runs out of memory ends its own connection; one that blocks holds up only its own
 * connection; one that calls back into the server works, or fails at once where the call would
 * wait for itself; and a blocking client call made where it would wait for itself fails at once.
 * Each connection's events arrive in order, opened first and closed last, whatever happens.
 *
 * <pre>{@code
 * class MyTransportUserCodeTest extends TransportUserCodeTest {
 *     protected Transport newTransport() { return new MyTransport(); }
 *     protected RawClient openRaw(SocketAddress address) throws IOException {
 *         return new SocketRawClient(address);
 *     }
 * }
 * }</pre>
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class TransportUserCodeTest {
    private static final long SEED = 76;
    private static final Duration TERMINATION = Duration.ofSeconds(30);
    /** The issue's own reproduction: 64 games one after another on a server of 16 slots. */
    private static final int GAMES = 64;
    private static final int SLOTS = 16;

    /** The transport under test, made by {@link #newTransport()} before each test. */
    protected Transport transport;
    private final List<GameServer> servers = new ArrayList<>();

    /** For subclasses, one per transport; JUnit makes one instance per test. */
    public TransportUserCodeTest() {}

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

    @BeforeEach
    void createTransport() {
        transport = overTls() ? new TlsEverywhere(newTransport(), TestCertificates.get()) : newTransport();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (GameServer server : servers) {
            server.shutdownNow();
            assertTrue(server.awaitTermination(TERMINATION), "the server terminates after shutdownNow");
        }
        transport.close();
    }

    private GameServer serve(ServerConfig.Builder config) throws IOException {
        GameServer server = transport.serve(config.build());
        servers.add(server);
        return server;
    }

    private static ServerConfig.Builder config() {
        return ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(SEED)).maxConnections(SLOTS);
    }

    private List<Outcome> play(GameServer server, long lower, long upper, long secret) throws IOException {
        try (GameConnection connection = transport.connect(server.address());
             Game game = Game.start(connection, lower, upper, secret)) {
            return game.play();
        }
    }

    /** Shuts the server down gracefully; it must terminate, with no connection left. */
    private static void assertShutsDownCleanly(GameServer server) throws InterruptedException {
        server.shutdown();
        assertTrue(server.awaitTermination(TERMINATION), "the server terminates after shutdown");
        assertEquals(0, server.connectionCount(), "no slot is left taken");
    }

    // --- Listeners and strategies that throw -------------------------------------------------------

    @ParameterizedTest
    @EnumSource(UserFailure.class)
    void aListenerThatThrowsFromEveryCallbackEndsNothing(UserFailure failure) throws Exception {
        RecordingListener heard = new RecordingListener();
        LogRecords logged = LogRecords.of(GameListener.class.getName());
        long start = System.nanoTime();
        GameServer server = serve(config().listener(new ThrowingListener(heard, failure)));
        // Short games: a real stack overflow on every event costs milliseconds each.
        for (int i = 0; i < GAMES; i++) {
            assertValidGame(play(server, 1, 20, 1 + i % 20), 1, 20, 1 + i % 20);
        }
        heard.awaitClosed(GAMES);   // every slot free again before the burst: none is turned away
        List<CompletableFuture<List<Outcome>>> together = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            together.add(AsyncGame.play(transport, server.address(), 1, 20, 1 + i).toCompletableFuture());
        }
        for (int i = 0; i < SLOTS; i++) {
            assertValidGame(together.get(i).get(30, TimeUnit.SECONDS), 1, 20, 1 + i);
        }
        heard.awaitClosed(SLOTS);
        assertTrue(heard.reports().size() >= GAMES + SLOTS, "the reports reached the listener");
        assertShutsDownCleanly(server);
        logged.close();
        assertLoggedRateLimited(logged, start, heard.reports().size());
    }

    @ParameterizedTest
    @EnumSource(UserFailure.class)
    void aReplyListenerThatThrowsEndsOnlyItsOwnConnection(UserFailure failure) throws Exception {
        GameServer server = serve(config());
        AsyncGameConnection broken = transport.connectAsync(server.address()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        AsyncGameConnection other = transport.connectAsync(server.address()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        try {
            CompletableFuture<Void> threw = new CompletableFuture<>();
            broken.post(new Command.Params(1, 5));
            broken.post(Command.NumberRequest.INSTANCE);
            broken.receive(new ReplyListener() {
                @Override
                public void onGuess(long number) {
                    threw.complete(null);
                    failure.raise("ReplyListener.onGuess");
                }

                @Override
                public void onOtherReply(Reply reply) {
                    threw.completeExceptionally(new AssertionError("not a guess: " + reply));
                }

                @Override
                public void onFailure(Throwable cause) {
                    threw.completeExceptionally(cause);
                }
            });
            threw.get(30, TimeUnit.SECONDS);
            // Its connection is over: what was thrown leaves it in no state to read further.
            ExecutionException after = assertThrows(ExecutionException.class,
                    () -> broken.receive().toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, after.getCause());
            // The transport's threads carry on: another connection of the same client, and new ones.
            assertValidGame(AsyncGame.play(other, 1, 20, 7).toCompletableFuture().get(30, TimeUnit.SECONDS), 1, 20, 7);
            assertValidGame(play(server, 1, 20, 9), 1, 20, 9);
        } finally {
            broken.close();
            other.close();
        }
        assertShutsDownCleanly(server);
    }

    /**
     * The failures were logged, with what was thrown, and at most about once a second: not once
     * per failure, which would flood the log.
     */
    private static void assertLoggedRateLimited(LogRecords logged, long start, int failures) {
        List<java.util.logging.LogRecord> records = logged.records();
        assertTrue(!records.isEmpty() && records.get(0).getThrown() != null, "the failure was logged with its cause");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(records.size() <= seconds + 2, records.size() + " records in " + seconds + " s for "
                + failures + " failures: at most one a second");
    }

    @ParameterizedTest
    @EnumSource(UserFailure.class)
    void aStrategyThatThrowsFromEveryCallbackEndsOnlyItsGame(UserFailure failure) throws Exception {
        RecordingListener heard = new RecordingListener();
        LogRecords logged = LogRecords.of(GuessStrategy.class.getName());
        long start = System.nanoTime();
        GameServer server = serve(config().strategy(new ThrowingStrategy(SEED, failure)).listener(heard));
        int failed = 0;
        for (int i = 0; i < GAMES; i++) {
            long secret = 1 + i;
            if (ThrowingStrategy.playsCleanly(i)) {
                assertValidGame(play(server, 1, 100, secret), 1, 100, secret);
                continue;
            }
            try {
                // A strategy that fails in onReport after a first guess that was the secret has
                // nothing left to fail: the game is over.
                List<Outcome> outcomes = play(server, 1, 100, secret);
                assertEquals(1, outcomes.size(), "a game whose strategy failed ended after one round: " + outcomes);
            } catch (ServerErrorException error) {
                assertEquals(ErrorReason.INTERNAL_ERROR.text(), error.reason());
                failed++;
            }
        }
        assertTrue(failed >= GAMES / ThrowingStrategy.ROUND * 3, "the strategy's failures were answered: " + failed);
        heard.awaitClosed(GAMES);
        assertTrue(heard.errors().contains(ErrorReason.INTERNAL_ERROR), "the listener heard of the failures");
        assertShutsDownCleanly(server);
        logged.close();
        assertLoggedRateLimited(logged, start, failed);
    }

    @Test
    void outOfMemoryFromUserCodeEndsItsOwnConnectionOnly() throws Exception {
        AtomicBoolean listenerFailed = new AtomicBoolean();
        RecordingListener heard = new RecordingListener();
        GameListener listener = new ForwardingListener(heard) {
            @Override
            public void onReport(ConnectionInfo connection, long guess, Decision decision) {
                super.onReport(connection, guess, decision);
                if (listenerFailed.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("a listener out of memory (a test's)");
                }
            }
        };
        AtomicBoolean strategyFailed = new AtomicBoolean();
        GuessStrategy random = GuessStrategy.random(SEED);
        GuessStrategy strategy = (lower, upper) -> {
            Guesser guesser = random.newGame(lower, upper);
            return new Guesser() {
                @Override
                public boolean hasNext() {
                    return guesser.hasNext();
                }

                @Override
                public long next() {
                    if (lower == 1_000 && strategyFailed.compareAndSet(false, true)) {
                        throw new OutOfMemoryError("a strategy out of memory (a test's)");
                    }
                    return guesser.next();
                }

                @Override
                public void onReport(Decision decision) {
                    guesser.onReport(decision);
                }
            };
        };
        GameServer server = serve(config().strategy(strategy).listener(listener));

        try (RawClient reported = openClient(server.address())) {
            reported.write("PARAMS 1 100\nNUMBER\n".getBytes(US_ASCII));
            assertTrue(reported.readLine().matches("[0-9]+"));
            reported.write("REPORT Unsure\n".getBytes(US_ASCII));
            assertNull(reported.readLine(), "the server closes the connection whose listener ran out of memory");
        }
        try (RawClient guessed = openClient(server.address())) {
            guessed.write("PARAMS 1000 2000\nNUMBER\n".getBytes(US_ASCII));
            assertEquals("ERROR " + ErrorReason.INTERNAL_ERROR.text(), guessed.readLine());
            assertNull(guessed.readLine(), "the server closes the connection whose strategy ran out of memory");
        }
        heard.awaitClosed(2);
        for (int i = 0; i < SLOTS; i++) {
            assertValidGame(play(server, 1, 100, 1 + i), 1, 100, 1 + i);
        }
        assertShutsDownCleanly(server);
    }

    // --- Listeners that block, and that call back into the server ---------------------------------

    @Test
    void aListenerThatBlocksHoldsUpOnlyItsOwnConnection() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener heard = new RecordingListener();
        GameListener listener = new ForwardingListener(heard) {
            @Override
            public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
                super.onGameStarted(connection, lower, upper);
                if (lower == 7) {
                    blocked.countDown();
                    try {
                        // Blocks until the others have played: if they could not play while it
                        // blocks, the test times out here.
                        release.await(100, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        GameServer server = serve(config().listener(listener));
        CompletableFuture<List<Outcome>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return play(server, 7, 9, 8);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
        assertTrue(blocked.await(30, TimeUnit.SECONDS), "the slow listener was called");
        // Enough connections, one after another and at once, to share every thread or loop the
        // slow one might be on.
        for (int i = 0; i < 2 * SLOTS; i++) {
            assertValidGame(play(server, 1, 100, 1 + i), 1, 100, 1 + i);
        }
        heard.awaitClosed(2 * SLOTS);   // every slot but the slow one's free again before the burst
        List<CompletableFuture<List<Outcome>>> together = new ArrayList<>();
        for (int i = 0; i < SLOTS - 1; i++) {
            together.add(AsyncGame.play(transport, server.address(), 1, 50, 1 + i).toCompletableFuture());
        }
        for (int i = 0; i < SLOTS - 1; i++) {
            assertValidGame(together.get(i).get(60, TimeUnit.SECONDS), 1, 50, 1 + i);
        }
        release.countDown();
        assertValidGame(slow.get(30, TimeUnit.SECONDS), 7, 9, 8);
        heard.awaitClosed(SLOTS);
        assertShutsDownCleanly(server);
    }

    @Test
    void aListenerThatWaitsForItsOwnServerToTerminateFailsAtOnce() throws Exception {
        AtomicReference<GameServer> self = new AtomicReference<>();
        CompletableFuture<Throwable> awaited = new CompletableFuture<>();
        CompletableFuture<Throwable> closed = new CompletableFuture<>();
        GameListener listener = new GameListener() {
            @Override
            public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
                awaited.complete(failureOf(() -> self.get().awaitTermination(Duration.ofMinutes(5))));
                closed.complete(failureOf(() -> self.get().close()));
            }
        };
        GameServer server = serve(config().listener(listener));
        self.set(server);
        assertValidGame(play(server, 1, 5, 3), 1, 5, 3);
        assertInstanceOf(IllegalStateException.class, awaited.get(30, TimeUnit.SECONDS),
                "awaitTermination from the server's own listener would wait for itself");
        assertInstanceOf(IllegalStateException.class, closed.get(30, TimeUnit.SECONDS),
                "so would close");
        assertValidGame(play(server, 1, 5, 2), 1, 5, 2);   // and the server is none the worse
        assertShutsDownCleanly(server);
    }

    @Test
    void aStrategyThatWaitsForItsOwnServerToTerminateFailsAtOnce() throws Exception {
        AtomicReference<GameServer> self = new AtomicReference<>();
        CompletableFuture<Throwable> awaited = new CompletableFuture<>();
        CompletableFuture<Throwable> closed = new CompletableFuture<>();
        GuessStrategy random = GuessStrategy.random(SEED);
        GuessStrategy strategy = (lower, upper) -> {
            if (!awaited.isDone()) {
                awaited.complete(failureOf(() -> self.get().awaitTermination(Duration.ofMinutes(5))));
                closed.complete(failureOf(() -> self.get().close()));
            }
            return random.newGame(lower, upper);
        };
        GameServer server = serve(config().strategy(strategy));
        self.set(server);
        assertValidGame(play(server, 1, 5, 3), 1, 5, 3);
        assertInstanceOf(IllegalStateException.class, awaited.get(30, TimeUnit.SECONDS),
                "awaitTermination from the server's own strategy would wait for itself");
        assertInstanceOf(IllegalStateException.class, closed.get(30, TimeUnit.SECONDS), "so would close");
        assertShutsDownCleanly(server);
    }

    /**
     * Two listeners that shut the server down at the same moment, each while its own connection
     * is being served: neither may hold what the other's shutdown needs.
     */
    @Test
    void twoListenersThatShutTheServerDownAtTheSameMomentDeadlockNothing() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        AtomicReference<GameServer> self = new AtomicReference<>();
        GameListener listener = new GameListener() {
            @Override
            public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
                try {
                    // Both listeners run now, each for its own connection; on a transport where
                    // they cannot run at once, each goes on alone after the wait.
                    together.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (BrokenBarrierException | TimeoutException alone) {
                    // Went on alone.
                }
                self.get().shutdownNow();
            }
        };
        GameServer server = serve(config().listener(listener));
        self.set(server);
        List<CompletableFuture<Object>> games = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            games.add(CompletableFuture.supplyAsync(() -> resultOf(() -> play(server, 1, 100, 50)),
                    runnable -> Thread.ofPlatform().start(runnable)));
        }
        for (CompletableFuture<Object> game : games) {
            game.get(30, TimeUnit.SECONDS);   // played or cut off; a deadlock times out here
        }
        assertTrue(server.awaitTermination(TERMINATION), "the server terminates");
    }

    /**
     * A listener that shuts the server down gracefully, from inside the very call that made
     * replies (on transports that call it there), loses none of them: they are sent, then the
     * connection closes.
     */
    @Test
    void aListenerThatShutsTheServerDownLosesNoReplyAlreadyMade() throws Exception {
        AtomicReference<GameServer> self = new AtomicReference<>();
        GameListener listener = new GameListener() {
            @Override
            public void onGameCleared(ConnectionInfo connection) {
                self.get().shutdown();
            }
        };
        GameServer server = serve(config().listener(listener));
        self.set(server);
        try (RawClient raw = openClient(server.address())) {
            raw.write("PARAMS 1 9\nNUMBER\nREPORT Unsure\nNUMBER\nCLEAR\n".getBytes(US_ASCII));
            assertEquals(true, String.valueOf(raw.readLine()).matches("[1-9]"), "the first guess arrives");
            assertEquals(true, String.valueOf(raw.readLine()).matches("[1-9]"),
                    "the second guess, made in the same call as the CLEAR, arrives");
            assertNull(raw.readLine(), "then the server closes: no game is in play");
        }
        assertTrue(server.awaitTermination(TERMINATION));
    }

    @Test
    void listenersThatShutTheServerDownFromManyConnectionsAtOnceDeadlockNothing() throws Exception {
        AtomicReference<GameServer> self = new AtomicReference<>();
        EventOrder order = new EventOrder();
        GameListener listener = new ForwardingListener(order) {
            @Override
            public void onReport(ConnectionInfo connection, long guess, Decision decision) {
                super.onReport(connection, guess, decision);
                self.get().shutdownNow();
            }

            @Override
            public void onConnectionClosed(ConnectionInfo connection) {
                super.onConnectionClosed(connection);
                self.get().shutdownNow();
            }
        };
        GameServer server = serve(config().listener(listener));
        self.set(server);
        List<CompletableFuture<AsyncGameConnection>> connections = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            connections.add(transport.connectAsync(server.address()).toCompletableFuture());
        }
        List<CompletableFuture<List<Outcome>>> games = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            int secret = 1 + i;
            // A connect still under way when a listener shuts the server down may fail: that is
            // a game cut off too.
            games.add(connections.get(i).thenCompose(connection -> AsyncGame.play(connection, 1, 1000, secret)
                    .whenComplete((outcomes, failure) -> connection.close())));
        }
        for (CompletableFuture<List<Outcome>> game : games) {
            game.handle((outcomes, failure) -> null).get(60, TimeUnit.SECONDS);   // played or cut off
        }
        assertTrue(server.awaitTermination(TERMINATION), "the server terminates");
        assertEquals(List.of(), order.violations());
    }

    @Test
    void eachConnectionHearsOpenedFirstClosedLastAndOneEventAtATime() throws Exception {
        EventOrder order = new EventOrder();
        GameServer server = serve(config().maxConnections(4 * SLOTS + 8).listener(order));
        List<CompletableFuture<List<Outcome>>> games = new ArrayList<>();
        for (int i = 0; i < 4 * SLOTS; i++) {
            games.add(AsyncGame.play(transport, server.address(), 1, 200, 1 + i).toCompletableFuture());
        }
        List<RawClient> vanishing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RawClient raw = openClient(server.address());
            raw.write("PARAMS 1 9\nNUMBER\nREPORT Unsure\nNUMBER\nBOGUS\n".getBytes(US_ASCII));
            vanishing.add(raw);
        }
        for (int i = 0; i < games.size(); i++) {
            assertValidGame(games.get(i).get(60, TimeUnit.SECONDS), 1, 200, 1 + i);
        }
        for (RawClient raw : vanishing) {
            raw.close();
        }
        server.shutdownNow();
        assertTrue(server.awaitTermination(TERMINATION));
        assertEquals(List.of(), order.violations());
        assertEquals(4 * SLOTS + vanishing.size(), order.closed(), "every connection's close was heard");
    }

    // --- Blocking calls where they would wait for themselves ---------------------------------------

    @Test
    void aBlockingCallInAStageCallbackCompletesOrFailsAtOnceButNeverWaitsForItself() throws Exception {
        GameServer server = serve(config());
        AsyncGameConnection async = transport.connectAsync(server.address()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        try {
            CompletableFuture<Object> receive = new CompletableFuture<>();
            CompletableFuture<Object> connect = new CompletableFuture<>();
            async.send(new Command.Params(1, 5));
            async.send(Command.NumberRequest.INSTANCE);
            async.receive().whenComplete((reply, failure) -> {
                GameConnection blocking = GameConnection.blocking(async);
                receive.complete(resultOf(() -> {
                    blocking.send(Command.Report.of(Decision.UNSURE));
                    blocking.send(Command.NumberRequest.INSTANCE);
                    return blocking.receive();
                }));
                connect.complete(resultOf(() -> transport.connect(server.address())));
            });
            // A call that waited for the thread it runs on would never return: these would time out.
            Object received = receive.get(30, TimeUnit.SECONDS);
            assertTrue(received instanceof Reply || isWaitForItself(received), "received: " + received);
            Object connected = connect.get(30, TimeUnit.SECONDS);
            assertTrue(connected instanceof GameConnection || isWaitForItself(connected), "connected: " + connected);
            if (connected instanceof GameConnection opened) {
                opened.close();
            }
        } finally {
            async.close();
        }
        assertValidGame(play(server, 1, 5, 4), 1, 5, 4);
    }

    private static boolean isWaitForItself(Object outcome) {
        return outcome instanceof IllegalStateException failure && failure.getMessage().contains("itself");
    }

    /** A call that may block or throw. */
    private interface Call {
        Object run() throws Exception;
    }

    /** A call that returns nothing. */
    private interface Action {
        void run() throws Exception;
    }

    /** What {@code call} returned, or what it threw. */
    private static Object resultOf(Call call) {
        try {
            return call.run();
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** What {@code action} threw, or null. */
    private static Throwable failureOf(Action action) {
        try {
            action.run();
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** Passes every event on to another listener; tests override the ones they need. */
    private static class ForwardingListener implements GameListener {
        private final GameListener next;

        ForwardingListener(GameListener next) {
            this.next = next;
        }

        @Override
        public void onConnectionOpened(ConnectionInfo connection) {
            next.onConnectionOpened(connection);
        }

        @Override
        public void onConnectionClosed(ConnectionInfo connection) {
            next.onConnectionClosed(connection);
        }

        @Override
        public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
            next.onGameStarted(connection, lower, upper);
        }

        @Override
        public void onReport(ConnectionInfo connection, long guess, Decision decision) {
            next.onReport(connection, guess, decision);
        }

        @Override
        public void onGameCleared(ConnectionInfo connection) {
            next.onGameCleared(connection);
        }

        @Override
        public void onError(ConnectionInfo connection, ErrorReason reason, Optional<Throwable> cause) {
            next.onError(connection, reason, cause);
        }
    }
}
