package dev.hotcold.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.transport.Addresses;
import dev.hotcold.core.transport.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A socket transport's client against servers that hang: one that accepts and never answers (the
 * reply timeout), one that never takes the client's bytes (the reply timeout on writes, and a
 * close bounded by it), and one that never accepts (the connect timeout); on the blocking and the
 * asynchronous API. Each wait fails with a {@link ClientTimeoutException} naming the setting and
 * the address, and the connection is closed.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class SocketClientTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final ClientOptions OPTIONS = ClientOptions.builder()
            .connectTimeout(TIMEOUT).replyTimeout(TIMEOUT).build();
    /** The longest command: a client sending it over and over fills a silent server's buffers fast. */
    private static final Command LONG = new Command.Params(Long.MIN_VALUE, Long.MAX_VALUE);
    /** Far more than loopback socket buffers hold, both sides together. */
    private static final int STALLING_COMMANDS = 16 * 1024 * 1024 / 48;

    private Transport transport;

    /** For subclasses, one per socket transport; JUnit makes one instance per test. */
    public SocketClientTimeoutTest() {}

    /**
     * A fresh transport for each test; closed after it.
     *
     * @return the transport under test
     */
    protected abstract Transport newTransport();

    @BeforeEach
    void createTransport() {
        transport = newTransport();
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void aSilentServerFailsAReceiveAfterTheReplyTimeout() throws Exception {
        try (SilentServer server = new SilentServer();
             GameConnection connection = transport.connect(server.address(), OPTIONS)) {
            connection.send(new Command.Params(1, 5));
            connection.send(Command.NumberRequest.INSTANCE);
            long start = System.nanoTime();
            ClientTimeoutException timeout = assertThrows(ClientTimeoutException.class, connection::receive);
            assertTrue(System.nanoTime() - start >= TIMEOUT.toNanos(), "not before the timeout");
            assertReplyTimeout(timeout, server.address());
            server.awaitClientClosed(10);
        }
    }

    @Test
    void aSilentServerFailsAnAsyncReceiveAfterTheReplyTimeout() throws Exception {
        try (SilentServer server = new SilentServer()) {
            AsyncGameConnection connection = transport.connectAsync(server.address(), OPTIONS).toCompletableFuture().get(10, TimeUnit.SECONDS);
            connection.send(new Command.Params(1, 5));
            CompletableFuture<?> reply = connection.receive().toCompletableFuture();
            connection.send(Command.NumberRequest.INSTANCE);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
            assertReplyTimeout(assertInstanceOf(ClientTimeoutException.class, failed.getCause()), server.address());
            server.awaitClientClosed(10);
            ExecutionException later = assertThrows(ExecutionException.class,
                    () -> connection.receive().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(ClientTimeoutException.class, later.getCause(), "the connection stays failed");
            connection.close();
        }
    }

    @Test
    void aServerThatStopsReadingFailsSendsAndCloseIsBounded() throws Exception {
        try (SilentServer server = new SilentServer()) {
            GameConnection connection = transport.connect(server.address(), OPTIONS);
            ClientTimeoutException timeout = assertThrows(ClientTimeoutException.class, () -> {
                for (int i = 0; i < STALLING_COMMANDS; i++) {
                    connection.send(LONG);
                }
                connection.flush();
            });
            assertEquals(ClientTimeoutException.Setting.replyTimeout, timeout.setting());
            assertTrue(timeout.getMessage().contains(Addresses.describe(server.address())), timeout.getMessage());
            connection.close();   // bounded: the test's timeout says how
            server.awaitClientClosed(10);
        }
    }

    @Test
    void closingAnAsyncConnectionToAServerThatStopsReadingIsBounded() throws Exception {
        try (SilentServer server = new SilentServer()) {
            AsyncGameConnection connection = transport.connectAsync(server.address(), OPTIONS).toCompletableFuture().get(10, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < STALLING_COMMANDS; i++) {
                sends.add(connection.send(LONG).toCompletableFuture());
            }
            connection.close();
            // The last commands never leave: their stages fail once the server has taken nothing
            // for the reply timeout, and the connection is gone.
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> sends.get(sends.size() - 1).get(10, TimeUnit.SECONDS));
            assertInstanceOf(ClientTimeoutException.class, failed.getCause());
            server.awaitClientClosed(10);
        }
    }

    @Test
    void aConnectThatIsNeverAcceptedFailsAfterTheConnectTimeout() throws Exception {
        try (FullBacklog server = new FullBacklog()) {
            long start = System.nanoTime();
            ClientTimeoutException timeout = assertThrows(ClientTimeoutException.class,
                    () -> transport.connect(server.address(), OPTIONS));
            assertTrue(System.nanoTime() - start >= TIMEOUT.toNanos(), "not before the timeout");
            assertConnectTimeout(timeout, server.address());
        }
    }

    @Test
    void anAsyncConnectThatIsNeverAcceptedFailsAfterTheConnectTimeout() throws Exception {
        try (FullBacklog server = new FullBacklog()) {
            CompletableFuture<AsyncGameConnection> connecting = transport.connectAsync(server.address(), OPTIONS).toCompletableFuture();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> connecting.get(10, TimeUnit.SECONDS));
            assertConnectTimeout(assertInstanceOf(ClientTimeoutException.class, failed.getCause()), server.address());
        }
    }

    private static void assertReplyTimeout(ClientTimeoutException timeout, InetSocketAddress address) {
        assertEquals(ClientTimeoutException.Setting.replyTimeout, timeout.setting());
        assertEquals(TIMEOUT, timeout.timeout());
        assertEquals("no reply from " + Addresses.describe(address) + " within 300 ms (replyTimeout)", timeout.getMessage());
    }

    private static void assertConnectTimeout(ClientTimeoutException timeout, InetSocketAddress address) {
        assertEquals(ClientTimeoutException.Setting.connectTimeout, timeout.setting());
        assertEquals("cannot connect to " + Addresses.describe(address) + " within 300 ms (connectTimeout)", timeout.getMessage());
    }
}
