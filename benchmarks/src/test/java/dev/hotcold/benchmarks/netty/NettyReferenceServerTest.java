package dev.hotcold.benchmarks.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.blocking.BlockingTransport;
import dev.hotcold.transport.nio.NioTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real games over loopback against the Netty reference server, played by hotcold's clients. */
@Timeout(60)
class NettyReferenceServerTest {
    private NettyReferenceServer server;

    @BeforeEach
    void start() throws Exception {
        server = NettyReferenceServer.start("127.0.0.1", 0, 2, 42);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void blockingClientPlaysGamesToCorrect() throws Exception {
        try (Transport transport = new BlockingTransport();
             GameConnection connection = transport.connect(server.address())) {
            playGames(connection, 30);
        }
    }

    @Test
    void nioClientPlaysGamesToCorrect() throws Exception {
        try (Transport transport = new NioTransport();
             GameConnection connection = transport.connect(server.address())) {
            playGames(connection, 30);
        }
    }

    @Test
    void nioAsyncClientPlaysAGameToCorrect() throws Exception {
        try (Transport transport = new NioTransport()) {
            List<Outcome> outcomes = transport.connectAsync(server.address())
                    .thenCompose(connection -> AsyncGame.play(connection, 10, 60, 37)
                            .whenComplete((done, failure) -> connection.close()))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            checkGame(outcomes, 10, 60, 37);
        }
    }

    @Test
    void everyNumberOfASmallRangeOnceBeforeItIsExhausted() throws Exception {
        try (Client client = new Client()) {
            client.send("PARAMS -2 2");
            Set<Long> guesses = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                client.send("NUMBER");
                long guess = Long.parseLong(client.reply());
                assertTrue(guess >= -2 && guess <= 2, "guess " + guess + " out of range");
                assertTrue(guesses.add(guess), "repeated " + guess);
                client.send("REPORT Colder");
            }
            client.send("NUMBER");
            assertEquals("ERROR range exhausted", client.reply());
            client.send("CLEAR");
            client.send("NUMBER");
            assertEquals("ERROR no game in progress", client.reply());
        }
    }

    @Test
    void badInputGetsAnErrorAndTheConnectionGoesOn() throws Exception {
        try (Client client = new Client()) {
            String[][] cases = {
                {"", "ERROR empty line"},
                {"HELLO", "ERROR unknown command"},
                {"number", "ERROR unknown command"},
                {"NUMBER", "ERROR no game in progress"},
                {"REPORT Warmer", "ERROR no game in progress"},
                {"PARAMS 1", "ERROR usage: PARAMS <lower> <upper>"},
                {"PARAMS one 5", "ERROR bound is not a 64-bit integer"},
                {"PARAMS 1 99999999999999999999", "ERROR bound is not a 64-bit integer"},
                {"PARAMS 5 1", "ERROR lower bound is above upper bound"},
                {"PARAMS 1 5", null},
                {"REPORT Warmer", "ERROR no guess to report on"},
                {"REPORT Hot", "ERROR unknown decision"},
                {"REPORT", "ERROR usage: REPORT Warmer|Colder|Same|Unsure|Correct"},
                {"NUMBER now", "ERROR usage: NUMBER"},
                {"CLEAR all", "ERROR usage: CLEAR"},
                {"x".repeat(NettyReferenceServer.MAX_LINE_LENGTH + 1), "ERROR line too long"},
            };
            for (String[] c : cases) {
                client.send(c[0]);
                if (c[1] != null) {
                    assertEquals(c[1], client.reply(), "reply to '" + abbreviate(c[0]) + "'");
                }
            }
            // Still serving, CRLF lines included.
            client.sendRaw("NUMBER\r\n");
            long guess = Long.parseLong(client.reply());
            assertTrue(guess >= 1 && guess <= 5);
        }
    }

    @Test
    void afterCorrectNumberRepeatsTheSecret() throws Exception {
        try (Client client = new Client()) {
            client.send("PARAMS 7 7");
            client.send("NUMBER");
            assertEquals("7", client.reply());
            client.send("REPORT Correct");
            client.send("NUMBER");
            assertEquals("7", client.reply());
        }
    }

    private static void playGames(GameConnection connection, int games) throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < games; i++) {
            long secret = random.nextLong(1, 101);
            try (Game game = Game.start(connection, 1, 100, secret)) {
                checkGame(game.play(), 1, 100, secret);
            }
        }
    }

    private static void checkGame(List<Outcome> outcomes, long lower, long upper, long secret) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            assertTrue(outcome.number() >= lower && outcome.number() <= upper, "out of range: " + outcome);
            assertTrue(seen.add(outcome.number()), "repeated guess: " + outcome);
            assertEquals(i == outcomes.size() - 1, outcome.decision() == Decision.CORRECT, "round " + i);
        }
        assertFalse(outcomes.isEmpty());
        assertEquals(secret, outcomes.get(outcomes.size() - 1).number());
    }

    private static String abbreviate(String line) {
        return line.length() <= 30 ? line : line.substring(0, 30) + "...";
    }

    /** A raw line client, for input hotcold's own clients never send. */
    private final class Client implements AutoCloseable {
        private final Socket socket = new Socket(server.address().getAddress(), server.address().getPort());
        private final OutputStream out;
        private final BufferedReader in;

        Client() throws Exception {
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        }

        void send(String line) throws Exception {
            sendRaw(line + "\n");
        }

        void sendRaw(String text) throws Exception {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        String reply() throws Exception {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
