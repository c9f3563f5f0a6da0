package dev.hotcold.core.session;

import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.boundary.UserCode;
import dev.hotcold.core.events.GameEnd;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.ServerEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.codec.Wire;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerSessionTest {
    private final List<String> events = new ArrayList<>();
    private final GameListener listener = new GameListener() {
        @Override
        public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
            events.add("start " + lower + " " + upper);
        }

        @Override
        public void onReport(ConnectionInfo connection, long guess, Decision decision) {
            events.add(guess + " is " + decision);
        }

        @Override
        public void onGameCleared(ConnectionInfo connection) {
            events.add("clear");
        }

        @Override
        public void onError(ConnectionInfo connection, ErrorReason reason, Optional<Throwable> cause) {
            events.add("error " + reason.text());
        }
    };

    private ServerSession session(GuessStrategy strategy) {
        return new ServerSession(strategy, 1024);
    }

    /** {@link #exchange(ServerSession, GameListener, ConnectionInfo, String)} heard by this test's listener. */
    private List<String> exchange(ServerSession session, String input) {
        return exchange(session, listener, ConnectionInfo.DETACHED, input);
    }

    /**
     * Feeds {@code input} in one piece and returns the reply lines; after each session call its
     * events are delivered to {@code listener}, as a server does.
     */
    static List<String> exchange(ServerSession session, GameListener listener, ConnectionInfo connection, String input) {
        ByteBuffer in = ByteBuffer.wrap(input.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer out = ByteBuffer.allocate(1 << 16);
        while (in.hasRemaining() && !session.isFinished()) {
            session.receive(in, out);
            ServerEvent event;
            while ((event = session.events().poll()) != null) {
                UserCode.deliver(event, listener, connection);
            }
        }
        String text = new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    @Test
    void playsAGameAsTheSeedsServer() {
        ServerSession session = session(GuessStrategy.random(1));
        List<String> first = exchange(session, "PARAMS 1 5\nNUMBER\n");
        assertEquals(1, first.size());
        long guess = Long.parseLong(first.get(0));
        assertTrue(guess >= 1 && guess <= 5);
        assertEquals(List.of(), exchange(session, "REPORT Correct\n"));
        assertEquals(List.of(first.get(0), first.get(0)), exchange(session, "NUMBER\nNUMBER\n"),
                "after Correct every NUMBER gets the secret");
        assertEquals(List.of(), exchange(session, "CLEAR\n"));
        assertEquals(List.of("start 1 5", guess + " is Correct", "clear"), events);
        assertFalse(session.inGame());
    }

    @ParameterizedTest(name = "{0} then {1}: {2}")
    @CsvSource({
            "Correct, CLEAR, WON",
            "Correct, PARAMS 1 9, WON",
            "Correct, leaves, WON",
            "Colder, CLEAR, ABANDONED",
            "Colder, PARAMS 1 9, REPLACED",
            "Colder, leaves, CUT_OFF",
    })
    void aGameEndsWonOnceItsClientSaidCorrectHoweverItGoes(String decision, String then, GameEnd end) {
        ServerSession session = session(GuessStrategy.random(1));
        exchange(session, "PARAMS 1 5\nNUMBER\nREPORT " + decision + "\nNUMBER\n");
        session.events().clear();
        if (then.equals("leaves")) {
            session.connectionClosed();
        } else {
            session.receive(ByteBuffer.wrap((then + "\n").getBytes(StandardCharsets.US_ASCII)), ByteBuffer.allocate(64));
        }
        List<ServerEvent.GameEnded> ended = new ArrayList<>();
        session.events().forEach(event -> {
            if (event instanceof ServerEvent.GameEnded gameEnded) {
                ended.add(gameEnded);
            }
        });
        assertEquals(1, ended.size(), "one game ended");
        assertEquals(end, ended.get(0).end());
        assertEquals(decision.equals("Correct") ? 1 : 2, ended.get(0).guesses(),
                "the different numbers of the game that ended (Correct's is given again), not of the next");
    }

    @Test
    void answersEveryKindOfBadInputAndStaysUsable() {
        ServerSession session = session(GuessStrategy.random(1));
        assertEquals(List.of(
                        "ERROR empty line",
                        "ERROR unknown command",
                        "ERROR no game in progress",
                        "ERROR no game in progress",
                        "ERROR usage: PARAMS <lower> <upper>",
                        "ERROR bound is not a 64-bit integer",
                        "ERROR lower bound is above upper bound",
                        "ERROR no guess to report on",
                        "ERROR usage: REPORT Warmer|Colder|Same|Unsure|Correct",
                        "4",
                        "ERROR unknown decision",
                        "ERROR no guess to report on",
                        "ERROR range exhausted",
                        "ERROR usage: CLEAR",
                        "ERROR usage: NUMBER",
                        "ERROR line too long",
                        "4"),
                exchange(session, "\nFOO\nNUMBER\nREPORT Same\nPARAMS 1\nPARAMS 1 x\nPARAMS 2 1\n"
                        + "PARAMS 4 4\nREPORT Same\nREPORT\nNUMBER\nREPORT Hot\nREPORT Unsure\nREPORT Same\n"
                        + "NUMBER\nCLEAR 1\nNUMBER 2\n" + "Z".repeat(5000) + "\nPARAMS 4 4\nNUMBER\n"));
    }

    @Test
    void aRejectedParamsLeavesTheGameAsItWas() {
        ServerSession session = session(GuessStrategy.random(1));
        exchange(session, "PARAMS 8 8\n");
        assertEquals(List.of("ERROR lower bound is above upper bound", "8"), exchange(session, "PARAMS 9 1\nNUMBER\n"));
    }

    @Test
    void clearWithNoGameIsAllowed() {
        assertEquals(List.of(), exchange(session(GuessStrategy.random(1)), "CLEAR\nCLEAR\n"));
    }

    @Test
    void neverWritesMoreThanTheRoomItIsGiven() {
        ServerSession session = session(GuessStrategy.random(1));
        ByteBuffer in = ByteBuffer.wrap(("PARAMS 1 1000000\n" + "NUMBER\n".repeat(1000)).getBytes(StandardCharsets.US_ASCII));
        int replies = 0;
        while (in.hasRemaining()) {
            ByteBuffer out = ByteBuffer.allocate(Wire.MAX_REPLY_BYTES + 3);
            boolean all = session.receive(in, out);
            assertEquals(!in.hasRemaining(), all);
            replies += (int) new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII).chars().filter(c -> c == '\n').count();
        }
        assertEquals(1000, replies);
    }

    @Test
    void takesNothingWithoutRoomForAReply() {
        ServerSession session = session(GuessStrategy.random(1));
        ByteBuffer in = ByteBuffer.wrap("NUMBER\n".getBytes(StandardCharsets.US_ASCII));
        assertFalse(session.receive(in, ByteBuffer.allocate(Wire.MAX_REPLY_BYTES - 1)));
        assertEquals(0, in.position());
    }

    @Test
    void finishesAfterTheGameInPlayEnds() {
        ServerSession idle = session(GuessStrategy.random(1));
        idle.finishAfterGame();
        assertTrue(idle.isFinished(), "no game: finished at once");
        assertEquals(List.of(), exchange(idle, "PARAMS 1 1\nNUMBER\n"), "a finished session takes no input");

        ServerSession playing = session(GuessStrategy.random(1));
        exchange(playing, "PARAMS 3 3\n");
        playing.finishAfterGame();
        assertFalse(playing.isFinished());
        assertEquals(List.of("3"), exchange(playing, "NUMBER\nREPORT Correct\nCLEAR\nPARAMS 1 1\nNUMBER\n"),
                "the game ends with CLEAR and nothing after it is taken");
        assertTrue(playing.isFinished());
    }

    @Test
    void aFailingStrategyGetsAnInternalErrorNotACrash() {
        GuessStrategy broken = (lower, upper) -> new Guesser() {
            private int calls;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public long next() {
                if (calls++ == 0) {
                    throw new IllegalStateException("bug");
                }
                return upper + 1;   // out of range: also a bug
            }
        };
        ServerSession session = session(broken);
        assertEquals(List.of("ERROR internal error", "ERROR internal error"), exchange(session, "PARAMS 1 5\nNUMBER\nNUMBER\n"));
        ServerSession unstartable = session((lower, upper) -> {
            throw new IllegalArgumentException("no");
        });
        assertEquals(List.of("ERROR internal error", "ERROR no game in progress"), exchange(unstartable, "PARAMS 1 5\nNUMBER\n"));
    }

    @Test
    void handlesParsedLinesDirectly() {
        ServerSession session = session(GuessStrategy.random(1));
        ByteBuffer out = ByteBuffer.allocate(64);
        session.handle(new Command.Params(6, 6), out);
        session.handle(Command.NumberRequest.INSTANCE, out);
        assertEquals("6\n", new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class, () -> session.handle(Command.Clear.INSTANCE, ByteBuffer.allocate(2)));
    }

    @RepeatedTest(30)
    void anyBytesGetRepliesOrErrorsAndNeverAnException(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        String[] pieces = {"PARAMS ", "NUMBER", "REPORT ", "CLEAR", "Warmer", "Correct", "Same", "1", "-5", " ",
                "\n", "\r\n", "\r", "9223372036854775807", "x", "\u0000", "\u00ff"};
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            input.append(random.nextInt(10) == 0 ? String.valueOf((char) random.nextInt(256)) : pieces[random.nextInt(pieces.length)]);
        }
        ServerSession session = new ServerSession(GuessStrategy.random(repetition.getCurrentRepetition()), 64);
        byte[] bytes = input.toString().getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < bytes.length) {
            int end = Math.min(bytes.length, at + random.nextInt(1, 100));
            ByteBuffer in = ByteBuffer.wrap(bytes, at, end - at);
            while (in.hasRemaining()) {
                ByteBuffer out = ByteBuffer.allocate(random.nextInt(Wire.MAX_REPLY_BYTES, 400));
                session.receive(in, out);
                String replies = new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
                for (String line : replies.split("\n")) {
                    if (!line.isEmpty()) {
                        assertTrue(line.matches("-?[0-9]+|ERROR [ -~]+"), "reply: " + line);
                    }
                }
            }
            at = end;
        }
    }
}
