package dev.hotcold.cli;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.transport.blocking.BlockingTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What README and {@code serve --help} promise about SIGTERM and Ctrl-C, checked on the real
 * process: games in play are served to their {@code CLEAR}, new connections are refused, a game
 * that outlasts the grace period is cut, and the process exits 0 in time; a second signal cuts the
 * games at once, with 143 or 130.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GracefulStopIT {
    private static final Pattern STOPPING = Pattern.compile("stopping: no new connections.*");
    private static final int GAMES = 3;
    private static final long LOWER = 1;
    private static final long UPPER = 1_000_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nio,--loops,2", "blocking,--threads,virtual", "blocking,--threads,platform"})
    void sigtermLetsEveryGameInPlayFinishThenExitsZero(String transport, String option, String value) throws Exception {
        Duration grace = Duration.ofSeconds(30);
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", transport, option, value,
                "--port", "0", "--quiet", "--strategy", "hotcold", "--grace", String.valueOf(grace.toSeconds()));
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            List<GameInPlay> games = new ArrayList<>();
            try (Socket idle = new Socket()) {
                idle.connect(address, 10_000);
                for (int i = 0; i < GAMES; i++) {
                    games.add(GameInPlay.begin(client.connect(address), 1000 + 4242L * i));
                }

                long signalled = System.nanoTime();
                serve.terminate();
                serve.awaitLine(STOPPING, Duration.ofSeconds(30));

                assertRefused(address);
                idle.setSoTimeout(30_000);
                assertEquals(-1, idle.getInputStream().read(), "a connection with no game in play is closed");
                for (GameInPlay game : games) {
                    game.finish();   // every round answered, CLEAR sent: nothing was cut
                }
                int exitCode = serve.awaitExit(grace);
                Duration took = Duration.ofNanos(System.nanoTime() - signalled);
                assertEquals(0, exitCode, "exit status after a graceful stop; err: " + serve.err());
                assertTrue(took.compareTo(grace) < 0, "exited within the grace period: " + took);
                assertTrue(serve.outUntilEnd().contains("stopped: every game in play finished"), serve.outUntilEnd().toString());
                assertEquals("", serve.err(), "nothing on standard error");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nio,--loops,1", "blocking,--threads,virtual", "blocking,--threads,platform"})
    void aGameThatOutlastsTheGracePeriodIsCutAndTheProcessStillExits(String transport, String option, String value)
            throws Exception {
        Duration grace = Duration.ofSeconds(2);
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", transport, option, value,
                "--port", "0", "--quiet", "--strategy", "hotcold", "--grace", String.valueOf(grace.toSeconds()));
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            GameInPlay slow = GameInPlay.begin(client.connect(address), 777_777);

            long signalled = System.nanoTime();
            serve.terminate();
            int exitCode = serve.awaitExit(Duration.ofSeconds(60));
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);

            assertEquals(0, exitCode, "exit status after the grace period ran out; err: " + serve.err());
            assertTrue(took.compareTo(grace) >= 0, "the game in play had the whole grace period: " + took);
            assertTrue(took.compareTo(grace.plusSeconds(5)) < 0, "exited soon after the grace period: " + took);
            assertTrue(serve.outUntilEnd().contains("stopped: the grace period ran out; 1 connection(s) cut"),
                    serve.outUntilEnd().toString());
            assertThrows(RuntimeException.class, slow::finish, "the game was cut");
            assertEquals("", serve.err(), "nothing on standard error");
        }
    }

    @Test
    void ctrlCIsTheSameGracefulStop() throws Exception {
        assumeFalse(HotcoldProcess.interruptIgnored(), "SIGINT is ignored here and so in the child; Ctrl-C cannot be shown");
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", "nio",
                "--port", "0", "--quiet", "--strategy", "hotcold", "--grace", "30");
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            GameInPlay game = GameInPlay.begin(client.connect(address), 31_337);
            serve.interrupt();
            serve.awaitLine(STOPPING, Duration.ofSeconds(30));
            game.finish();
            assertEquals(0, serve.awaitExit(Duration.ofSeconds(30)), "exit status after Ctrl-C; err: " + serve.err());
            assertTrue(serve.outUntilEnd().contains("stopped: every game in play finished"), serve.outUntilEnd().toString());
        }
    }

    /**
     * A second SIGTERM during a long grace period cuts the game in play at once: the process exits
     * long before the grace period is over, with 143 (128 + SIGTERM's 15), as help serve says.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"nio,--loops,1", "blocking,--threads,virtual"})
    void aSecondSigtermCutsTheGamesInPlayAtOnce(String transport, String option, String value) throws Exception {
        Duration grace = Duration.ofSeconds(120);
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", transport, option, value,
                "--port", "0", "--quiet", "--strategy", "hotcold", "--grace", String.valueOf(grace.toSeconds()));
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            GameInPlay game = GameInPlay.begin(client.connect(address), 424_242);
            serve.terminate();
            serve.awaitLine(STOPPING, Duration.ofSeconds(30));

            long secondSignal = System.nanoTime();
            serve.terminate();
            int exitCode = serve.awaitExit(Duration.ofSeconds(60));
            Duration took = Duration.ofNanos(System.nanoTime() - secondSignal);

            assertEquals(143, exitCode, "exit status after a second SIGTERM; err: " + serve.err());
            assertTrue(took.compareTo(grace.dividedBy(2)) < 0, "did not wait out the grace period: " + took);
            assertTrue(serve.outUntilEnd().contains("stopped: a second SIGTERM cut 1 connection(s)"),
                    serve.outUntilEnd().toString());
            assertThrows(RuntimeException.class, game::finish, "the game was cut");
            assertEquals("", serve.err(), "nothing on standard error");
        }
    }

    @Test
    void aSecondCtrlCCutsTheGamesInPlayAtOnce() throws Exception {
        assumeFalse(HotcoldProcess.interruptIgnored(), "SIGINT is ignored here and so in the child; Ctrl-C cannot be shown");
        Duration grace = Duration.ofSeconds(120);
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", "nio",
                "--port", "0", "--quiet", "--strategy", "hotcold", "--grace", String.valueOf(grace.toSeconds()));
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            GameInPlay game = GameInPlay.begin(client.connect(address), 90_210);
            serve.interrupt();
            serve.awaitLine(STOPPING, Duration.ofSeconds(30));

            long secondSignal = System.nanoTime();
            serve.interrupt();
            int exitCode = serve.awaitExit(Duration.ofSeconds(60));
            Duration took = Duration.ofNanos(System.nanoTime() - secondSignal);

            assertEquals(130, exitCode, "exit status after a second Ctrl-C; err: " + serve.err());
            assertTrue(took.compareTo(grace.dividedBy(2)) < 0, "did not wait out the grace period: " + took);
            assertTrue(serve.outUntilEnd().contains("stopped: a second SIGINT cut 1 connection(s)"),
                    serve.outUntilEnd().toString());
            assertThrows(RuntimeException.class, game::finish, "the game was cut");
        }
    }

    /**
     * A new connection gets no game: connecting fails, or (when the kernel completed the handshake
     * in the moment before the listener closed, as it may while a virtual thread leaves accept)
     * the connection is closed without one reply.
     */
    private static void assertRefused(InetSocketAddress address) throws IOException {
        try (Socket late = new Socket()) {
            try {
                late.connect(address, 10_000);
            } catch (ConnectException refused) {
                return;
            }
            late.setSoTimeout(30_000);
            int reply;
            try {
                late.getOutputStream().write("PARAMS 1 5\nNUMBER\n".getBytes(StandardCharsets.US_ASCII));
                reply = late.getInputStream().read();
            } catch (SocketException reset) {
                return;
            }
            assertEquals(-1, reply, "a connection made after the stop began must not be served");
        }
    }

    /** A game started and one round played: PARAMS, NUMBER, REPORT, then a pause. */
    private record GameInPlay(GameConnection connection, Game game, Iterator<Outcome> rounds, long secret,
                              List<Outcome> outcomes) {
        static GameInPlay begin(GameConnection connection, long secret) throws IOException {
            Game game = Game.start(connection, LOWER, UPPER, secret);
            Iterator<Outcome> rounds = game.iterator();
            Outcome first = rounds.next();
            assertFalse(first.isCorrect(), "the game must still be in play: " + first);
            return new GameInPlay(connection, game, rounds, secret, new ArrayList<>(List.of(first)));
        }

        /** Plays to the correct guess and sends CLEAR; every reply must come. */
        void finish() throws IOException {
            try (connection) {
                rounds.forEachRemaining(outcomes::add);
                game.close();
                assertValidGame(outcomes, LOWER, UPPER, secret);
            }
        }
    }
}
