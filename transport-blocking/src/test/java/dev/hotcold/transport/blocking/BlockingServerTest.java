package dev.hotcold.transport.blocking;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.testkit.RecordingListener;
import dev.hotcold.testkit.SocketRawClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the blocking transport does beyond the conformance suite. */
@Timeout(120)
class BlockingServerTest {

    @Test
    void aThousandClientsPlayAtOnceOnVirtualThreads() throws Exception {
        int clients = 1000;
        BlockingTransport transport = new BlockingTransport(ThreadKind.VIRTUAL);
        RecordingListener listener = new RecordingListener();
        try (GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder()
                .strategy(GuessStrategy.random(1)).listener(listener).build())) {
            List<CompletableFuture<List<Outcome>>> games = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long secret = 1 + i % 100;
                games.add(transport.connectAsync(server.address()).toCompletableFuture()
                        .thenCompose(connection -> AsyncGame.play(connection, 1, 100, secret)
                                .whenComplete((outcomes, failure) -> connection.close())));
            }
            for (int i = 0; i < clients; i++) {
                assertValidGame(games.get(i).get(60, TimeUnit.SECONDS), 1, 100, 1 + i % 100);
            }
            listener.awaitClosed(clients);
            assertEquals(0, server.connectionCount());
        }
    }

    @Test
    void aBusyPortIsReportedClearly() throws Exception {
        BlockingTransport transport = new BlockingTransport();
        try (GameServer server = transport.serve(ServerConfig.loopback(0))) {
            int port = ((InetSocketAddress) server.address()).getPort();
            IOException failure = assertThrows(IOException.class, () -> transport.serve(ServerConfig.loopback(port)));
            assertTrue(failure.getMessage().startsWith("cannot listen on 127.0.0.1:" + port + ": "), failure.getMessage());
        }
    }

    @Test
    void closeWaitsForTheGraceThenCutsOffGamesThatDoNotEnd() throws Exception {
        BlockingTransport transport = new BlockingTransport();
        GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder()
                .shutdownGracePeriod(Duration.ofMillis(100)).build());
        try (SocketRawClient stuck = new SocketRawClient(server.address())) {
            stuck.write("PARAMS 1 10\nNUMBER\n".getBytes(US_ASCII));
            stuck.readLine();   // in a game, and it never sends CLEAR
            server.close();
            assertTrue(server.isTerminated());
            assertThrows(IOException.class, () -> {
                stuck.write("NUMBER\n".getBytes(US_ASCII));
                if (stuck.readLine() == null) {
                    throw new IOException("end of stream");
                }
            });
        }
    }
}
