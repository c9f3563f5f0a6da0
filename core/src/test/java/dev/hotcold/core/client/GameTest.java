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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class GameTest {

    @Test
    void aGameSendsParamsThenNumberAndReportPerRoundThenClear() throws IOException {
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
    void closeSendsClearEvenWhenTheGameFailedAndOnlyOnce() throws IOException {
        SessionLoopback connection = new SessionLoopback(GuessStrategy.random(4));
        Game game = Game.start(connection, 1, 5, 3);
        game.close();
        game.close();
        assertEquals(List.of("PARAMS 1 5", "CLEAR"), connection.sent);
        assertFalse(game.iterator().hasNext(), "a closed game has no more rounds");
    }

    @Test
    void aGameIsIteratedOnce() throws IOException {
        Game game = Game.start(new SessionLoopback(GuessStrategy.random(4)), 1, 5, 3);
        game.play();
        assertThrows(IllegalStateException.class, game::iterator);
    }

    @Test
    void anErrorReplySurfacesAsAClearException() throws IOException {
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

    @Test
    void aBrokenConnectionSurfacesAsUncheckedIo() throws IOException {
        GameConnection broken = new GameConnection() {
            @Override
            public void send(Command command) {}

            @Override
            public void flush() {}

            @Override
            public Reply receive() throws IOException {
                throw new EOFException("connection closed by the server");
            }

            @Override
            public void close() {}
        };
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> Game.start(broken, 1, 5, 3).play());
        assertInstanceOf(EOFException.class, failure.getCause());
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
