package dev.hotcold.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.transport.blocking.BlockingTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attack of issue 16 on a real {@code serve}: as many clients as the server has slots, each
 * sending {@code PARAMS 1 } and then a byte every 200 ms without ever ending the line. Bytes keep
 * moving, so the idle timeout never fires; the line timeout answers each of them
 * {@code ERROR line timeout}, closes it, and the slots serve an honest client again.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowClientIT {
    private static final int SLOTS = 4;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blocking", "nio", "netty"})
    void clientsThatTrickleALineLoseTheirSlot(String transport) throws Exception {
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", transport, "--port", "0", "--quiet",
                "--max-connections", String.valueOf(SLOTS), "--idle-timeout", "2", "--line-timeout", "1");
             BlockingTransport client = new BlockingTransport()) {
            InetSocketAddress address = serve.awaitListening();
            List<CompletableFuture<String>> told = new ArrayList<>();
            List<Socket> tricklers = new ArrayList<>();
            for (int i = 0; i < SLOTS; i++) {
                Socket socket = new Socket();
                socket.connect(address, 10_000);
                tricklers.add(socket);
                told.add(trickle(socket));
            }
            try {
                try (Socket extra = new Socket()) {
                    extra.connect(address, 10_000);
                    extra.setSoTimeout(30_000);
                    assertEquals("ERROR server busy", reader(extra).readLine(), "every slot is held");
                }
                for (CompletableFuture<String> answer : told) {
                    // Left alone, each would trickle for 60 s; the idle timeout (2 s) never sees silence.
                    assertEquals("ERROR line timeout", answer.get(60, TimeUnit.SECONDS));
                }
                try (GameConnection honest = client.connect(address);
                     Game game = Game.start(honest, 1, 100, 7)) {
                    assertTrue(game.play().size() >= 1, "a slot serves an honest client again");
                }
            } finally {
                for (Socket socket : tricklers) {
                    socket.close();
                }
            }
            serve.terminate();
            assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.err());
        }
    }

    /**
     * Makes sure the server has admitted the client (one whole line, answered), then sends
     * {@code PARAMS 1 } and a digit every 200 ms on a thread of its own; completes with the
     * server's next reply.
     */
    private static CompletableFuture<String> trickle(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        socket.setSoTimeout(90_000);
        BufferedReader in = reader(socket);
        out.write("NUMBER\n".getBytes(US_ASCII));
        out.flush();
        assertEquals("ERROR no game in progress", in.readLine(), "admitted, not refused");
        out.write("PARAMS 1 ".getBytes(US_ASCII));
        out.flush();
        Thread.ofPlatform().daemon().name("trickler").start(() -> {
            try {
                for (int i = 0; i < 300 && !socket.isClosed(); i++) {
                    Thread.sleep(200);
                    out.write('9');
                    out.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // The server closed the connection, or the test did: the trickle is over.
            }
        });
        return CompletableFuture.supplyAsync(() -> {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                return "failed: " + e;
            }
            try {
                return line + (in.readLine() == null ? "" : " (and the connection stayed open)");
            } catch (IOException reset) {
                // The server closed after its reply, and the trickle's next byte met the closed
                // socket: its kernel answers a reset, which may overtake the end of the stream.
                return line;
            }
        }, command -> Thread.ofPlatform().daemon().name("trickle-reader").start(command));
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
    }
}
