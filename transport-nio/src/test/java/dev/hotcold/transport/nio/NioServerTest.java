package dev.hotcold.transport.nio;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.testkit.RecordingListener;
import dev.hotcold.testkit.SocketRawClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the NIO transport does beyond the conformance suite. */
@Timeout(120)
class NioServerTest {

    @Test
    void tenThousandConnectionsPlayAtOnceAgainstAServerInItsOwnProcess() throws Exception {
        int connections = 10_000;
        Process server = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                NioServerProcess.class.getName(), String.valueOf(connections + 100))
                .start();
        // The server's log goes to this JVM's System.err, kept with this class's output (Maven:
        // target/surefire-reports), rather than straight to the console.
        Thread serverLog = Thread.ofPlatform().daemon().name("nio-server-process-stderr").start(() -> {
            try (InputStream err = server.getErrorStream()) {
                err.transferTo(System.err);
            } catch (IOException processGone) {
                // Nothing more to copy.
            }
        });
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
             PrintStream in = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8);
             NioTransport transport = NioTransport.builder().clientLoops(2).build()) {
            String listening = out.readLine();
            assertTrue(listening != null && listening.startsWith("listening on "), "server started: " + listening);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(listening.substring(13)));
            in.println("heap");
            long heapBefore = Long.parseLong(out.readLine());

            List<AsyncGameConnection> open = new ArrayList<>();
            List<CompletableFuture<AsyncGameConnection>> connecting = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                connecting.add(transport.connectAsync(address).toCompletableFuture());
            }
            for (CompletableFuture<AsyncGameConnection> connection : connecting) {
                open.add(connection.get(60, TimeUnit.SECONDS));
            }
            // Connected on the client's side means handshaken; the server may still be accepting.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int accepted;
            do {
                in.println("connections");
                accepted = Integer.parseInt(out.readLine());
                assertTrue(System.nanoTime() < deadline, "the server accepts all: " + accepted);
            } while (accepted < connections);
            assertEquals(connections, accepted, "all connected at once");
            in.println("heap");
            long heapConnected = Long.parseLong(out.readLine());
            System.out.printf("NIO server heap per idle connection: %.0f bytes (%d connections)%n",
                    (heapConnected - heapBefore) / (double) connections, connections);

            List<CompletableFuture<List<Outcome>>> games = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                games.add(AsyncGame.play(open.get(i), 1, 20, 1 + i % 20).toCompletableFuture());
            }
            for (int i = 0; i < connections; i++) {
                assertValidGame(games.get(i).get(60, TimeUnit.SECONDS), 1, 20, 1 + i % 20);
            }
            open.forEach(AsyncGameConnection::close);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            serverLog.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertEquals(0, server.exitValue());
    }

    @Test
    void aClientThatNeverReadsCannotGrowTheServersMemoryAndOthersKeepPlaying() throws Exception {
        WaterMarks marks = new WaterMarks(8 * 1024, 32 * 1024);
        try (NioTransport transport = NioTransport.builder().serverLoops(1).writeBufferWaterMarks(marks).build();
             GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(3)).build());
             SocketRawClient flooder = new SocketRawClient(server.address())) {
            AtomicLong written = new AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] numbers = "NUMBER\n".repeat(1024).getBytes(US_ASCII);
                try {
                    OutputStream out = flooder.socket().getOutputStream();
                    out.write("PARAMS 1 1000000\n".getBytes(US_ASCII));
                    while (true) {
                        out.write(numbers);
                        written.addAndGet(numbers.length);
                    }
                } catch (IOException closedByTheTest) {
                    // The test hangs up on it at the end.
                }
            });
            // Wait until the server has stopped reading the flooder: its replies passed the mark.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (NioProbe.backlog(server)[1] == 0) {
                assertTrue(System.nanoTime() < deadline, "the server suspends reading the flooder");
                Thread.onSpinWait();
            }
            // Bound: the high mark plus the replies to one 16 KiB read, each command answered by one line.
            int bound = marks.high() + (16 * 1024 / "NUMBER\n".length() + 1) * Wire.MAX_REPLY_BYTES;
            long writtenThen = written.get();
            for (int sample = 0; sample < 20; sample++) {
                int[] backlog = NioProbe.backlog(server);
                assertTrue(backlog[0] <= bound, "unsent bytes " + backlog[0] + " stay under " + bound);
                assertEquals(1, backlog[1], "the flooder stays suspended");
                // Another client on the same loop plays a whole game meanwhile.
                try (GameConnection other = transport.connect(server.address());
                     Game game = Game.start(other, 1, 50, 1 + sample)) {
                    assertValidGame(game.play(), 1, 50, 1 + sample);
                }
            }
            assertTrue(written.get() - writtenThen < 8L * 1024 * 1024,
                    "the flooder is blocked by TCP, not read: " + (written.get() - writtenThen) + " more bytes");
            flooder.abort();
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    @Test
    void readingResumesOnceTheClientCatchesUp() throws Exception {
        WaterMarks marks = new WaterMarks(1024, 4096);
        int numbers = 200_000;
        try (NioTransport transport = NioTransport.builder().serverLoops(1).writeBufferWaterMarks(marks).build();
             GameServer server = transport.serve(ServerConfig.loopback(0));
             SocketRawClient client = new SocketRawClient(server.address())) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    client.write(("PARAMS 1 10000000\n" + "NUMBER\n".repeat(numbers)).getBytes(US_ASCII));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (int i = 0; i < numbers; i++) {
                String line = client.readLine();
                assertTrue(line != null && !line.startsWith("ERROR"), "reply " + i + ": " + line);
            }
            writer.join();
            assertEquals(0, NioProbe.backlog(server)[1], "nothing stays suspended");
        }
    }

    @Test
    void aClosedTransportRefusesNewClientsAndEndsItsLoops() throws Exception {
        NioTransport transport = new NioTransport();
        try (GameServer server = transport.serve(ServerConfig.loopback(0))) {
            AsyncGameConnection connection = transport.connectAsync(server.address()).toCompletableFuture().get();
            transport.close();
            CompletableFuture<?> after = transport.connectAsync(server.address()).toCompletableFuture();
            assertTrue(after.isCompletedExceptionally());
            CompletableFuture<?> send = connection.receive().toCompletableFuture();
            assertTrue(assertThrowsCause(send) instanceof IOException);
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("hotcold-client-nio") && thread.isAlive()));
    }

    private static Throwable assertThrowsCause(CompletableFuture<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }
}
