package dev.hotcold.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.inmemory.InMemoryTransport;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The harness's promise, seen from outside: a clean test passes and leaves nothing running; a
 * test that leaves a connection open fails with a message naming it, and is cleaned up all the
 * same. The fixtures below run under {@link EngineTestKit}, as a user's tests would.
 */
class LeakCheckTest {
    private static final AtomicReference<GameServer> SERVER = new AtomicReference<>();
    private static final AtomicReference<AutoCloseable> LEAKED = new AtomicReference<>();
    private static final AtomicInteger LINE = new AtomicInteger();

    @BeforeEach
    void forget() {
        SERVER.set(null);
        LEAKED.set(null);
        LINE.set(0);
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.Only.KEY, "true")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    private static Throwable onlyFailure(Events events) {
        events.assertStatistics(stats -> stats.started(1).succeeded(0).failed(1));
        Event failed = events.failed().stream().findFirst().orElseThrow();
        return failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    private static int lineHere() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    /** The server the fixture was given is gone, and nothing it counted is left. */
    private static void assertServerTerminated() {
        GameServer server = SERVER.get();
        assertTrue(server.isTerminated(), "the harness shut the server down");
        assertEquals(0, server.connectionCount());
    }

    @Fixture
    @HotColdServer(strategy = HotColdServer.Strategy.HOT_COLD)
    static class CleanGames {
        @Test
        void plays(GameServer server, GameConnection connection, AsyncGameConnection async, Transport transport)
                throws IOException {
            SERVER.set(server);
            try (Game game = Game.start(connection, 1, 1000, 777)) {
                List<Outcome> outcomes = game.play();
                assertTrue(outcomes.get(outcomes.size() - 1).isCorrect());
            }
            AsyncGame.play(async, 1, 1000, 3).toCompletableFuture().join();
            AsyncGame.play(transport, server.address(), 1, 1000, 5).toCompletableFuture().join();
            try (GameConnection mine = transport.connect(server.address());
                 Game game = Game.start(mine, 1, 10, 10)) {
                game.play();
            }
            assertEquals(2, server.connectionCount(), "the two parameters are still open");
        }
    }

    @Test
    void aCleanTestPassesAndItsServerTerminates() {
        run(CleanGames.class).assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertServerTerminated();
    }

    @Fixture
    @HotColdServer
    static class LeaksAGameConnection {
        @Test
        void leaks(GameServer server, Transport transport) throws IOException {
            SERVER.set(server);
            LINE.set(lineHere()); LEAKED.set(transport.connect(server.address()));
        }
    }

    @Test
    void aTestThatLeavesAConnectionOpenFailsNamingItAndWhereItWasOpened() {
        Throwable failure = onlyFailure(run(LeaksAGameConnection.class));
        assertInstanceOf(AssertionError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("hotcold harness: LeaksAGameConnection.leaks() left a connection open:"), message);
        assertTrue(message.contains("GameConnection #1 to " + SERVER.get().address() + ", opened at "), message);
        assertTrue(message.contains("LeaksAGameConnection.leaks(LeakCheckTest.java:" + LINE.get() + ")"), message);
        assertTrue(message.contains("Close each connection the test opens (try-with-resources)"), message);
        assertServerTerminated();
        GameConnection leaked = (GameConnection) LEAKED.get();
        IOException closed = assertThrows(IOException.class, leaked::receive, "the harness closed the leaked connection");
        assertEquals("connection is closed", closed.getMessage());
    }

    @Fixture
    @HotColdServer
    static class LeaksAnAsyncConnectionAndAGame {
        @Test
        void leaks(GameServer server, Transport transport) {
            SERVER.set(server);
            LINE.set(lineHere()); AsyncGameConnection async = transport.connectAsync(server.address()).toCompletableFuture().join();
            AsyncGame.play(async, 1, 20, 7).toCompletableFuture().join();
            LEAKED.set(async);
        }
    }

    @Test
    void aLeakedAsyncConnectionIsNamedToo() {
        String message = onlyFailure(run(LeaksAnAsyncConnectionAndAGame.class)).getMessage();
        assertTrue(message.contains("AsyncGameConnection #1 to " + SERVER.get().address()), message);
        assertTrue(message.contains("(LeakCheckTest.java:" + LINE.get() + ")"), message);
        assertServerTerminated();
    }

    @Fixture
    @HotColdServer
    static class LeaksThroughAnotherTransport {
        @Test
        void leaks(GameServer server) throws IOException {
            SERVER.set(server);
            LEAKED.set(new InMemoryTransport().connect(server.address()));
        }
    }

    @Test
    void aConnectionOpenedAroundTheHarnessIsCountedByTheServer() {
        String message = onlyFailure(run(LeaksThroughAnotherTransport.class)).getMessage();
        assertTrue(message.contains("hotcold harness: LeaksThroughAnotherTransport.leaks() left a connection open:"), message);
        assertTrue(message.contains("1 connection to " + SERVER.get().address()
                + " opened with another transport than the one the harness gives"), message);
        assertServerTerminated();
    }

    @Fixture
    @HotColdServer
    static class FailsAndLeaks {
        @Test
        void failsFirst(GameServer server, Transport transport) throws IOException {
            SERVER.set(server);
            LEAKED.set(transport.connect(server.address()));
            throw new IllegalStateException("the test's own failure");
        }
    }

    @Test
    void theTestsOwnFailureComesFirstAndTheLeakIsSuppressed() {
        Throwable failure = onlyFailure(run(FailsAndLeaks.class));
        assertEquals("the test's own failure", failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
        assertTrue(failure.getSuppressed()[0].getMessage().contains("left a connection open"));
        assertServerTerminated();
    }

    @Fixture
    @HotColdServer
    static class ClosesWhatItIsGiven {
        @Test
        void closesItsParameterItself(GameServer server, GameConnection connection) throws IOException {
            SERVER.set(server);
            connection.close();
            assertEquals(0, server.connectionCount());
        }
    }

    @Test
    void closingAParameterIsNotALeakAndNotAnError() {
        run(ClosesWhatItIsGiven.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        assertServerTerminated();
    }

    @Fixture
    @HotColdServer
    static class ShutsItsServerDown {
        @Test
        void shutsDown(GameServer server, GameConnection connection) {
            SERVER.set(server);
            server.shutdownNow();
        }
    }

    @Test
    void aTestMayShutItsServerDownItself() {
        run(ShutsItsServerDown.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        assertServerTerminated();
    }

    @Fixture
    @HotColdServer
    static class WantsAServerForTheWholeClass {
        @BeforeAll
        static void before(GameServer server) {
            SERVER.set(server);
        }

        @Test
        void never() {}
    }

    @Test
    void aServerCannotOutliveATest() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.Only.KEY, "true")
                .selectors(selectClass(WantsAServerForTheWholeClass.class))
                .execute()
                .containerEvents();
        Event failed = events.failed().stream().findFirst().orElseThrow();
        Throwable failure = failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertTrue(failure.getMessage().contains(
                "the GameServer of parameter 0 (GameServer) of WantsAServerForTheWholeClass.before() would outlive a test"),
                failure.getMessage());
        assertEquals(null, SERVER.get());
    }

    @Fixture
    static class NoAnnotation {
        @Test
        @org.junit.jupiter.api.extension.ExtendWith(HotColdExtension.class)
        void wantsAServer(GameServer server) {}
    }

    @Test
    void theExtensionWithoutItsAnnotationSaysWhatToDo() {
        Throwable failure = onlyFailure(run(NoAnnotation.class));
        assertTrue(failure.getMessage().contains("no @HotColdServer on"), failure.getMessage());
        assertTrue(failure.getMessage().contains("HotColdExtension.builder()"), failure.getMessage());
    }

    @Test
    void fixturesDoNotRunOutsideEngineTestKit() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LeaksAGameConnection.class))
                .execute()
                .containerEvents();
        assertFalse(events.skipped().list().isEmpty(), "skipped without the configuration parameter");
        assertEquals(null, SERVER.get());
    }

    @Fixture
    @HotColdServer
    static class OldReadmeAsyncSnippet {
        @Test
        void playsAsReadmeOnceSaid(GameServer server, Transport transport) {
            SERVER.set(server);
            transport.connectAsync(server.address())
                    .thenCompose(connection -> AsyncGame.play(connection, 10, 15, 12))
                    .thenAccept(outcomes -> outcomes.forEach(outcome -> {}))
                    .toCompletableFuture().join();
        }
    }

    @Test
    void theAsyncSnippetReadmeUsedToShowLeaksItsConnection() {
        String message = onlyFailure(run(OldReadmeAsyncSnippet.class)).getMessage();
        assertTrue(message.contains("left a connection open:\n  - AsyncGameConnection #1 to " + SERVER.get().address()),
                message);
        assertServerTerminated();
    }

    @Fixture
    @HotColdServer(maxConnections = 0)
    static class AsksForNoConnections {
        @Test
        void wantsAServer(GameServer server) {
            SERVER.set(server);
        }
    }

    @Test
    void aLimitOutOfRangeFailsTheTestNamingTheSetting() {
        Throwable failure = onlyFailure(run(AsksForNoConnections.class));
        assertTrue(failure.getMessage().contains("hotcold harness could not start the server of AsksForNoConnections.wantsAServer():"
                + " maxConnections must be at least 1, was 0"), failure.getMessage());
        assertEquals(null, SERVER.get());
    }

    private static final Set<GameServer> PARALLEL_SERVERS = ConcurrentHashMap.newKeySet();

    @Fixture
    @HotColdServer(strategy = HotColdServer.Strategy.HOT_COLD)
    @Execution(ExecutionMode.CONCURRENT)
    static class ParallelGames {
        @RepeatedTest(8)
        void playsOnItsOwnServer(GameServer server, GameConnection first, AsyncGameConnection second) {
            PARALLEL_SERVERS.add(server);
            assertEquals(2, server.connectionCount(), "no other test's connections on this server");
            try (Game game = Game.start(first, 1, 100_000, 99_999)) {
                game.play();
            }
            AsyncGame.play(second, 1, 100_000, 2).toCompletableFuture().join();
            assertEquals(2, server.connectionCount());
        }
    }

    @Test
    void testsRunInParallelEachGetAServerOfTheirOwn() {
        PARALLEL_SERVERS.clear();
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.Only.KEY, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(ParallelGames.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(8).succeeded(8));
        assertEquals(8, PARALLEL_SERVERS.size());
        for (GameServer server : PARALLEL_SERVERS) {
            assertTrue(server.isTerminated());
        }
    }
}
