package dev.hotcold.benchmarks.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.blocking.BlockingTransport;
import dev.hotcold.transport.nio.NioTransport;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real games over loopback against the plain JDK server, played by hotcold's clients. */
@Timeout(60)
class PlainServerTest {
    private PlainServer server;

    @BeforeEach
    void start() throws Exception {
        server = PlainServer.start("127.0.0.1", 0, 42);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void blockingAndNioClientsPlayGamesToCorrect() throws Exception {
        for (Transport transport : List.<Transport>of(new BlockingTransport(), new NioTransport())) {
            try (transport; GameConnection connection = transport.connect(server.address())) {
                SplittableRandom random = new SplittableRandom(3);
                for (int i = 0; i < 30; i++) {
                    long secret = random.nextLong(1, 101);
                    try (Game game = Game.start(connection, 1, 100, secret)) {
                        List<Outcome> outcomes = game.play();
                        assertEquals(new Outcome(secret, Decision.CORRECT), outcomes.get(outcomes.size() - 1));
                        assertEquals(outcomes.size(), outcomes.stream().map(Outcome::number).distinct().count());
                    }
                }
            }
        }
    }

    @Test
    void pipelinedCommandsAndBadInputGetTheirRepliesInOrder() throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("HELLO\nNUMBER\nPARAMS 5 1\nPARAMS 7 7\nNUMBER\nREPORT Hot\n"
                    + "REPORT Correct\nNUMBER\nCLEAR\nNUMBER\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (String expected : List.of("ERROR unknown command", "ERROR no game in progress",
                    "ERROR lower bound is above upper bound", "7", "ERROR unknown decision", "7",
                    "ERROR no game in progress")) {
                assertEquals(expected, in.readLine());
            }
        }
    }

    @Test
    void theCommandSaysWhatIsWrongWithItsFlags() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, PlainServerCommand.run(new String[] {"--port", "70000"}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("--port must be in [0, 65535], was 70000"), said);
        assertEquals(2, PlainServerCommand.run(new String[] {"--workers", "2"}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --workers"));
    }
}
