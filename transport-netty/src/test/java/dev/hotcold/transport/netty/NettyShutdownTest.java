package dev.hotcold.transport.netty;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.testkit.LogRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Netty server stopped while clients connect and play ends quietly on every I/O kind: its
 * loops end in an order in which Netty never has to log that a loop was gone (an accepted
 * connection handed to a terminated worker, or an io_uring close finishing after its loop ended).
 * Both showed up as a stray warning in the fault suite, now and then; here each round crosses a
 * shutdown with connects in flight and open connections mid-game.
 */
class NettyShutdownTest {
    private static final int ROUNDS = 40;
    private static final int OPEN = 40;

    @ParameterizedTest
    @EnumSource(value = IoKind.class, names = {"NIO", "EPOLL", "IO_URING"})
    void aShutdownCrossingConnectsAndOpenGamesLogsNothing(IoKind io) throws Exception {
        assumeTrue(io.isAvailable(), () -> io.optionName() + " does not load here");
        try (LogRecords logged = LogRecords.of("");   // the root: Netty's loggers too
             NettyTransport transport = new NettyTransport(io, 2)) {
            for (int round = 0; round < ROUNDS; round++) {
                shutDownWhileClientsConnect(transport);
            }
            List<LogRecord> warnings = logged.records().stream()
                    .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .toList();
            List<String> seen = warnings.stream()
                    .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                            + (r.getThrown() == null ? "" : " " + r.getThrown()))
                    .toList();
            assertEquals(List.of(), seen, () -> "nothing logged a warning" + warnings.stream()
                    .filter(r -> r.getThrown() != null).findFirst().map(r -> stackOf(r.getThrown())).orElse(""));
        }
    }

    /** One round: a server with open games and a client connecting, stopped with shutdownNow. */
    private static void shutDownWhileClientsConnect(NettyTransport transport) throws Exception {
        GameServer server = transport.serve(ServerConfig.loopback(0));
        SocketAddress address = server.address();
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < OPEN; i++) {
            Socket socket = new Socket();
            socket.connect(address, 2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PARAMS 1 1000\nNUMBER\n".getBytes(US_ASCII));
            out.flush();
            open.add(socket);
        }
        // One that asks for many guesses and reads none: the server has writes outstanding.
        Socket stuck = new Socket();
        stuck.setReceiveBufferSize(4096);
        stuck.connect(address, 2_000);
        stuck.getOutputStream().write(("PARAMS 1 1000000\n" + "NUMBER\n".repeat(20_000)).getBytes(US_ASCII));
        open.add(stuck);
        AtomicBoolean stop = new AtomicBoolean();
        Thread connector = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                try (Socket late = new Socket()) {
                    late.connect(address, 500);
                    late.getOutputStream().write("NUMBER\n".getBytes(US_ASCII));
                } catch (IOException refusedOrCut) {
                    // Expected once the server stops listening.
                }
                // A steady stream, not a storm: a storm overflows io_uring's completion queue,
                // which Netty rightly warns of, and which is not what this test is about.
                LockSupport.parkNanos(200_000);
            }
        });
        try {
            server.shutdownNow();
            assertTrue(server.awaitTermination(Duration.ofSeconds(10)), () -> "the server terminates" + threads());
        } finally {
            stop.set(true);
            connector.join();
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    private static String threads() {
        StringBuilder text = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            text.append("\n\"").append(thread.getName()).append("\" ").append(thread.getState());
            for (StackTraceElement frame : stack) {
                text.append("\n    at ").append(frame);
            }
        });
        return text.toString();
    }

    private static String stackOf(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return "\n" + text;
    }
}
