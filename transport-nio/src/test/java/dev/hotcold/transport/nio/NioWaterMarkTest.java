package dev.hotcold.transport.nio;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The high-water mark holds per reply, whatever the input: the worst ratio of reply to input is
 * an empty line (1 byte in, {@code ERROR empty line} out) and short bad commands, not
 * {@code NUMBER}.
 */
@Timeout(120)
class NioWaterMarkTest {
    private static final WaterMarks MARKS = new WaterMarks(8 * 1024, 32 * 1024);

    /** One byte per line, 17 bytes per reply, and a few short bad commands in between. */
    private static final byte[] WORST_RATIO = ("\n".repeat(200) + "X\n" + "\n".repeat(200) + "NUMBER\n")
            .getBytes(US_ASCII);
    private static final int REPLIES_PER_CHUNK = 402;

    @Test
    void aClientThatNeverReadsGetsAtMostOneReplyPastTheHighWaterMark() throws Exception {
        try (NioTransport transport = NioTransport.builder().serverLoops(1).writeBufferWaterMarks(MARKS).build();
             GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(3)).build())) {
            Socket flooder = smallWindowClient(server);
            Thread writer;
            try {
                writer = flood(flooder);
                assertStaysWithinTheMark(server, transport);
                flooder.setSoLinger(true, 0);   // the close below resets the connection: the writer stops at once
            } finally {
                flooder.close();
            }
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Writes the worst input to {@code flooder} until it is closed. */
    private static Thread flood(Socket flooder) {
        return Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = flooder.getOutputStream();
                while (true) {
                    out.write(WORST_RATIO);
                }
            } catch (IOException closedByTheTest) {
                // The test hangs up on it at the end.
            }
        });
    }

    /** Once the flooder is suspended, its unsent replies stay within the mark while others play. */
    private static void assertStaysWithinTheMark(GameServer server, NioTransport transport) throws IOException {
        awaitSuspended(server);
        int bound = MARKS.high() + Wire.MAX_REPLY_BYTES;
        for (int sample = 0; sample < 20; sample++) {
            int[] backlog = NioProbe.backlog(server);
            assertTrue(backlog[0] <= bound, "unsent bytes " + backlog[0] + " stay within the mark plus one reply, "
                    + bound);
            assertEquals(1, backlog[1], "the flooder stays suspended");
            try (GameConnection other = transport.connect(server.address());
                 Game game = Game.start(other, 1, 50, 1 + sample)) {
                assertValidGame(game.play(), 1, 50, 1 + sample);
            }
        }
    }

    @Test
    void inputKeptAtTheSuspensionIsAnsweredInOrderWhenTheClientCatchesUp() throws Exception {
        int chunks = 2_000;   // 802,000 replies of 13 to 25 bytes: far past any socket buffer
        try (NioTransport transport = NioTransport.builder().serverLoops(1).writeBufferWaterMarks(MARKS).build();
             GameServer server = transport.serve(ServerConfig.loopback(0));
             Socket socket = smallWindowClient(server);
             BufferedReader replies = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII))) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < chunks; i++) {
                        out.write(WORST_RATIO);
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // Read only once the server has stopped reading, so that it holds unread input.
            awaitSuspended(server);
            for (int i = 0; i < chunks; i++) {
                for (int line = 0; line < REPLIES_PER_CHUNK; line++) {
                    String expected = line == 200 ? "ERROR unknown command"
                            : line == 401 ? "ERROR no game in progress" : "ERROR empty line";
                    String reply = replies.readLine();
                    if (!expected.equals(reply)) {
                        assertEquals(expected, reply, "chunk " + i + ", reply " + line);
                    }
                }
            }
            writer.join(TimeUnit.SECONDS.toMillis(30));
            socket.getOutputStream().write("PARAMS 4 4\nNUMBER\n".getBytes(US_ASCII));
            assertEquals("4", replies.readLine(), "the connection still plays");
            assertEquals(0, NioProbe.backlog(server)[1], "nothing stays suspended");
        }
    }

    /**
     * A client whose receive window is small (set before connecting, so the window is scaled to
     * it), so that the server's replies back up after little input.
     */
    private static Socket smallWindowClient(GameServer server) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(64 * 1024);
        socket.connect(server.address(), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void awaitSuspended(GameServer server) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (NioProbe.backlog(server)[1] == 0) {
            assertTrue(System.nanoTime() < deadline, "the server suspends reading the client");
            Thread.onSpinWait();
        }
    }
}
