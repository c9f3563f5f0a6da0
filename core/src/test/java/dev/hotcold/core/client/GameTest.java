package dev.hotcold.core.client;

import static dev.hotcold.core.client.GameChecks.assertValidGame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.protocol.Reply;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class GameTest {

    @Test
    void aGameSendsParamsThenNumberAndReportPerRoundThenClear() {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(4));
        List<Outcome> outcomes = new ArrayList<>();
        try (Game game = Game.start(connection, 1, 5, 3)) {
            for (Outcome outcome : game) {
                outcomes.add(outcome);
            }
            assertTrue(game.isOver());
        }
        assertValidGame(outcomes, 1, 5, 3);
        List<String> expected = new ArrayList<>(List.of("PARAMS 1 5"));
        for (Outcome outcome : outcomes) {
            expected.add("NUMBER");
            expected.add("REPORT " + outcome.decision().wireName());
        }
        expected.add("CLEAR");
        assertEquals(expected, connection.sent);
    }

    @Test
    void closeSendsClearEvenWhenTheGameFailedAndOnlyOnce() {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(4));
        Game game = Game.start(connection, 1, 5, 3);
        game.close();
        game.close();
        assertEquals(List.of("PARAMS 1 5", "CLEAR"), connection.sent);
    }

    @Test
    void aClosedGameCannotBePlayed() {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(4));
        Game game = Game.start(connection, 1, 5, 3);
        game.close();
        IllegalStateException played = assertThrows(IllegalStateException.class, game::play);
        assertEquals("the game is closed: start a new one to play again", played.getMessage());
        assertThrows(IllegalStateException.class, game::iterator);
        assertEquals(List.of("PARAMS 1 5", "CLEAR"), connection.sent, "nothing is sent after CLEAR");
    }

    @Test
    void closingDuringIterationEndsTheRounds() {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(4));
        Game game = Game.start(connection, 1, 50, 25);
        Iterator<Outcome> rounds = game.iterator();
        rounds.next();
        game.close();
        assertFalse(rounds.hasNext(), "a closed game has no more rounds");
        assertThrows(NoSuchElementException.class, rounds::next);
    }

    @Test
    void aGameIsIteratedOnce() {
        Game game = Game.start(new SessionLoopback(GuessStrategy.random(4)), 1, 5, 3);
        game.play();
        assertThrows(IllegalStateException.class, game::iterator);
    }

    @Test
    void anErrorReplySurfacesAsAClearException() {
        // The client insists on a range the server cannot finish: the secret is never guessed.
        GameConnection refusing = new GameConnection() {
            @Override
            public void send(Command command) {}

            @Override
            public void flush() {}

            @Override
            public Reply receive() {
                return new Reply.Error("range exhausted");
            }

            @Override
            public void close() {}
        };
        Iterator<Outcome> rounds = Game.start(refusing, 1, 5, 3).iterator();
        ServerErrorException error = assertThrows(ServerErrorException.class, rounds::next);
        assertEquals("range exhausted", error.reason());
        assertEquals(ErrorReason.RANGE_EXHAUSTED, error.knownReason().orElseThrow());
        assertEquals("server replied ERROR range exhausted", error.getMessage());
    }

    /** A connection whose every operation fails as a dead socket would. */
    private static final class BrokenConnection implements GameConnection {
        private final String failing;
        int sends;

        BrokenConnection(String failing) {
            this.failing = failing;
        }

        @Override
        public void send(Command command) throws IOException {
            sends++;
            if (failing.equals("send") || failing.equals("clear") && command == Command.Clear.INSTANCE) {
                throw new IOException("broken pipe on send");
            }
        }

        @Override
        public void flush() throws IOException {
            if (failing.equals("flush")) {
                throw new IOException("broken pipe on flush");
            }
        }

        @Override
        public Reply receive() throws IOException {
            throw new EOFException("connection closed by the server");
        }

        @Override
        public void close() {}
    }

    // The one failure rule of Game's Javadoc: no checked exception anywhere, the connection's
    // IOException as the cause of an UncheckedIOException, at every step of a game.

    @Test
    void aBrokenConnectionFailsStartAsUncheckedIo() {
        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> Game.start(new BrokenConnection("send"), 1, 5, 3));
        assertEquals("broken pipe on send", failure.getCause().getMessage());
    }

    @Test
    void aBrokenConnectionFailsIterationAndPlayAsUncheckedIo() {
        UncheckedIOException iterating = assertThrows(UncheckedIOException.class,
                () -> Game.start(new BrokenConnection("receive"), 1, 5, 3).iterator().next());
        assertInstanceOf(EOFException.class, iterating.getCause());
        UncheckedIOException playing = assertThrows(UncheckedIOException.class,
                () -> Game.start(new BrokenConnection("receive"), 1, 5, 3).play());
        assertInstanceOf(EOFException.class, playing.getCause());
    }

    @Test
    void closeOnABrokenConnectionIsQuietAndTriesOnce() {
        Game clearFails = Game.start(new BrokenConnection("clear"), 1, 5, 3);
        clearFails.close();
        BrokenConnection flushFails = new BrokenConnection("flush");
        Game game = Game.start(flushFails, 1, 5, 3);
        game.close();
        game.close();
        assertEquals(2, flushFails.sends, "PARAMS and one CLEAR: a failed close is not retried");
        assertThrows(IllegalStateException.class, game::play, "closed all the same");
    }

    @Test
    void theFailureOfTheGameIsWhatATryWithResourcesReports() {
        BrokenConnection connection = new BrokenConnection("clear");
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> {
            try (Game game = Game.start(connection, 1, 5, 3)) {
                game.play();
            }
        });
        assertInstanceOf(EOFException.class, failure.getCause());
        assertEquals(0, failure.getSuppressed().length, "close adds nothing to the game's failure");
    }

    @Test
    void theClientChecksWhatTheServerSays() {
        ClientGame game = new ClientGame(1, 5, 3);
        assertThrows(ProtocolViolationException.class, () -> game.onReply(new Reply.Guess(6)));
        assertThrows(ProtocolViolationException.class, () -> game.onReply(new Reply.Unreadable("hello")));
        assertEquals(new Outcome(3, Decision.CORRECT), game.onReply(new Reply.Guess(3)));
        assertThrows(IllegalStateException.class, () -> game.onReply(new Reply.Guess(3)));
    }

    @Test
    void aGameNeedsASecretInsideAProperRange() {
        assertThrows(IllegalArgumentException.class, () -> new ClientGame(5, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new ClientGame(1, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> new ClientGame(1, 5, 0));
    }

    @Test
    void anAsyncGamePlaysTheSameGame() {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(4));
        List<Outcome> outcomes = AsyncGame.play(connection.async(), 10, 15, 12).toCompletableFuture().join();
        assertValidGame(outcomes, 10, 15, 12);
        assertEquals("CLEAR", connection.sent.get(connection.sent.size() - 1));
    }

    @Test
    void aVeryLongAsyncGameWhoseStagesCompleteAtOnceDoesNotGrowTheStack() {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(9));
        int size = 300_000;
        // Find the secret that the seeded strategy guesses last: the longest possible game.
        long last = 0;
        var guesser = GuessStrategy.random(9).newGame(1, size);
        while (guesser.hasNext()) {
            last = guesser.next();
        }
        List<Outcome> outcomes = AsyncGame.play(connection.async(), 1, size, last).toCompletableFuture().join();
        assertEquals(size, outcomes.size());
        assertValidGame(outcomes, 1, size, last);
    }

    @Test
    void anAsyncGameSendsClearAfterTheBodyFails() {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(4));
        CompletionStage<Object> failed = AsyncGame.play(connection.async(), 1, 5, 3,
                game -> CompletableFuture.failedFuture(new IllegalStateException("body failed")));
        CompletionException failure = assertThrows(CompletionException.class, () -> failed.toCompletableFuture().join());
        assertEquals("body failed", failure.getCause().getMessage());
        assertEquals(List.of("PARAMS 1 5", "CLEAR"), connection.sent);
    }

    @Test
    void anAsyncGameReportsAServerError() {
        AsyncGameConnection refusing = new AsyncGameConnection() {
            @Override
            public CompletionStage<Void> send(Command command) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Reply> receive() {
                return CompletableFuture.supplyAsync(() -> new Reply.Error("no game in progress"));
            }

            @Override
            public void close() {}
        };
        CompletionException failure = assertThrows(CompletionException.class,
                () -> AsyncGame.play(refusing, 1, 5, 3).toCompletableFuture().join());
        assertInstanceOf(ServerErrorException.class, failure.getCause());
    }

    @Test
    void forEachHandsOverRoundsInOrderAndAnActionFailureEndsTheGame() {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(4));
        List<Outcome> seen = new ArrayList<>();
        AsyncGame.play(connection.async(), 1, 50, 25, game -> game.forEach(seen::add)).toCompletableFuture().join();
        assertValidGame(seen, 1, 50, 25);

        SessionLoopback second = new SessionLoopback(GuessStrategy.random(4));
        CompletionException failure = assertThrows(CompletionException.class, () -> AsyncGame.play(second.async(), 1, 50, 25,
                game -> game.forEach(outcome -> {
                    throw new IllegalArgumentException("stop");
                })).toCompletableFuture().join());
        assertEquals("stop", failure.getCause().getMessage());
        assertEquals("CLEAR", second.sent.get(second.sent.size() - 1));
    }

    /** A client whose connections are the given asynchronous ones, recording each connect. */
    private static final class FakeClient implements GameClient {
        private final Supplier<CompletionStage<AsyncGameConnection>> connections;
        int connects;

        FakeClient(Supplier<CompletionStage<AsyncGameConnection>> connections) {
            this.connections = connections;
        }

        @Override
        public GameConnection connect(SocketAddress address) {
            throw new UnsupportedOperationException("asynchronous clients only");
        }

        @Override
        public CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
            connects++;
            return connections.get();
        }
    }

    private static final SocketAddress SOMEWHERE = InetSocketAddress.createUnresolved("server", 1);

    @Test
    void theOneCallAsyncGameConnectsPlaysAndClosesTheConnection() {
        SessionLoopback loopback = new SessionLoopback(GuessStrategy.random(4));
        FakeClient transport = new FakeClient(() -> CompletableFuture.completedFuture(loopback.async()));
        List<Outcome> outcomes = AsyncGame.play(transport, SOMEWHERE, 10, 15, 12).toCompletableFuture().join();
        assertValidGame(outcomes, 10, 15, 12);
        assertEquals("CLEAR", loopback.sent.get(loopback.sent.size() - 1));
        assertTrue(loopback.closed, "the connection is closed once the game is over");
    }

    @Test
    void theOneCallAsyncGameClosesTheConnectionWhenTheGameFails() {
        AtomicBoolean closed = new AtomicBoolean();
        AsyncGameConnection refusing = new AsyncGameConnection() {
            @Override
            public CompletionStage<Void> send(Command command) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Reply> receive() {
                return CompletableFuture.supplyAsync(() -> new Reply.Error("server busy"));
            }

            @Override
            public void close() {
                closed.set(true);
                throw new IllegalStateException("close failed too");
            }
        };
        FakeClient transport = new FakeClient(() -> CompletableFuture.completedFuture(refusing));
        CompletionException failure = assertThrows(CompletionException.class,
                () -> AsyncGame.play(transport, SOMEWHERE, 1, 5, 3).toCompletableFuture().join());
        assertInstanceOf(ServerErrorException.class, failure.getCause());
        assertEquals("close failed too", failure.getCause().getSuppressed()[0].getMessage());
        assertTrue(closed.get());
    }

    @Test
    void theOneCallAsyncGameReportsAFailureToConnectUnwrapped() {
        FakeClient transport = new FakeClient(
                () -> CompletableFuture.failedFuture(new ConnectException("connection refused")));
        CompletionException failure = assertThrows(CompletionException.class,
                () -> AsyncGame.play(transport, SOMEWHERE, 1, 5, 3).toCompletableFuture().join());
        assertInstanceOf(ConnectException.class, failure.getCause());
    }

    @Test
    void theOneCallAsyncGameChecksItsArgumentsBeforeConnecting() {
        FakeClient transport = new FakeClient(() -> {
            throw new AssertionError("must not connect");
        });
        assertThrows(IllegalArgumentException.class, () -> AsyncGame.play(transport, SOMEWHERE, 5, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> AsyncGame.play(transport, SOMEWHERE, 1, 5, 6));
        assertEquals(0, transport.connects);
    }

    @Test
    void theBlockingApiWorksOverAnAsyncConnection() throws IOException {
        SessionLoopback loopback = new SessionLoopback(GuessStrategy.random(4));
        GameConnection blocking = GameConnection.blocking(loopback.async());
        try (Game game = Game.start(blocking, 1, 5, 3)) {
            assertValidGame(game.play(), 1, 5, 3);
        }
        blocking.close();
        assertTrue(loopback.closed);
    }
}
