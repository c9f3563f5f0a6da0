package dev.hotcold.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where NIO calls the listener: off its event loops by default, on them when the config says so. */
@Timeout(60)
class NioListenerThreadsTest {

    /** Records the threads it is called on, and the reports of one connection in order. */
    private static final class Recorder implements GameListener {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final List<Long> reports = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void onReport(ConnectionInfo connection, long guess, Decision decision) {
            threads.add(Thread.currentThread().getName());
            reports.add(guess);
        }

        @Override
        public void onConnectionClosed(ConnectionInfo connection) {
            closed.countDown();
        }
    }

    private static List<Long> playOneGame(NioTransport transport, ServerConfig config, Recorder recorder)
            throws Exception {
        try (GameServer server = transport.serve(config.toBuilder().listener(recorder).build())) {
            List<Long> guesses;
            try (GameConnection connection = transport.connect(server.address());
                 Game game = Game.start(connection, 1, 200, 77)) {
                guesses = game.play().stream().map(outcome -> outcome.number()).toList();
            }
            assertTrue(recorder.closed.await(30, TimeUnit.SECONDS));
            return guesses;
        }
    }

    @Test
    void byDefaultTheListenerRunsOffTheEventLoops() throws Exception {
        Recorder recorder = new Recorder();
        try (NioTransport transport = new NioTransport()) {
            List<Long> guesses = playOneGame(transport, ServerConfig.loopback(0), recorder);
            assertEquals(guesses, recorder.reports, "every report, in order");
        }
        assertTrue(recorder.threads.stream().noneMatch(name -> name.startsWith("hotcold-server-nio-loop")),
                "not on a loop: " + recorder.threads);
    }

    @Test
    void aListenerExecutorOfRunnableRunCallsItOnTheLoops() throws Exception {
        Recorder recorder = new Recorder();
        try (NioTransport transport = new NioTransport()) {
            List<Long> guesses = playOneGame(transport,
                    ServerConfig.loopback(0).toBuilder().listenerExecutor(Runnable::run).build(), recorder);
            assertEquals(guesses, recorder.reports, "every report, in order");
        }
        assertTrue(recorder.threads.stream().allMatch(name -> name.startsWith("hotcold-server-nio-loop")),
                "on a loop: " + recorder.threads);
    }
}
