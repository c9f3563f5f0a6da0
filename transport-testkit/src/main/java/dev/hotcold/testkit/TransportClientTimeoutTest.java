package dev.hotcold.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A transport's client against servers that keep it waiting, on the blocking and the
 * asynchronous API, with the timeouts given once to a {@link GameClient}: a server that owes it
 * nothing and says nothing (the reply timeout), a server that stops taking its commands because
 * it does not read its replies (the reply timeout on sends, and a close bounded by it), and,
 * where connecting can wait, an address that never accepts (the connect timeout). Each wait fails
 * with a {@link ClientTimeoutException} naming the setting and the address, and the connection
 * is closed, which the server sees. Every transport passes it: a client that ignores its options
 * fails here.
 *
 * <pre>{@code
 * class MyTransportClientTimeoutTest extends TransportClientTimeoutTest {
 *     protected Transport newTransport() { return new MyTransport(); }
 *     protected Optional<Unaccepting> unaccepting() throws IOException {
 *         return Optional.of(new FullBacklog());   // where connecting can wait
 *     }
 * }
 * }</pre>
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class TransportClientTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final ClientOptions OPTIONS = ClientOptions.builder()
            .connectTimeout(TIMEOUT).replyTimeout(TIMEOUT).build();
    /** Far more than any transport buffers between a client and a server that stopped reading. */
    private static final long MOST_BYTES_SENT = 256L * 1024 * 1024;
    private static final int NUMBER_BYTES = 7;
    /** Asynchronous sends outstanding at once while flooding. */
    private static final int OUTSTANDING = 64;

    private Transport transport;
    private GameClient client;
    private final RecordingListener heard = new RecordingListener();
    private GameServer server;

    /** For subclasses, one per transport; JUnit makes one instance per test. */
    public TransportClientTimeoutTest() {}

    /**
     * A fresh transport for each test; closed after it.
     *
     * @return the transport under test
     */
    protected abstract Transport newTransport();

    /**
     * Whether the suite runs over TLS: every server it starts serves with
     * {@link TestCertificates#serverTls()}, every client trusts the test CA, and raw clients are
     * {@link TlsRawClient}s. Socket transports run each suite twice, once plain and once with a
     * subclass that says {@code true}. {@code false} by default.
     *
     * @return {@code true} to run the suite over TLS
     */
    protected boolean overTls() {
        return false;
    }


    /**
     * An address where connecting waits and is never accepted, for the connect-timeout tests;
     * empty (the default) where connecting never waits, and those tests are skipped.
     *
     * @return the address's holder, closed after the test, or empty
     * @throws IOException if it cannot be set up
     */
    protected Optional<Unaccepting> unaccepting() throws IOException {
        return Optional.empty();
    }

    @BeforeEach
    void start() throws IOException {
        transport = overTls() ? new TlsEverywhere(newTransport(), TestCertificates.get()) : newTransport();
        client = transport.client(OPTIONS);
        server = transport.serve(ServerConfig.loopback(0).toBuilder().listener(heard).build());
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.shutdownNow();
        assertTrue(server.awaitTermination(Duration.ofSeconds(30)));
        transport.close();
    }

    @Test
    void aServerThatOwesNothingFailsAReceiveAfterTheReplyTimeout() throws Exception {
        GameConnection connection = client.connect(server.address());
        long start = System.nanoTime();
        ClientTimeoutException timeout = assertThrows(ClientTimeoutException.class, connection::receive);
        assertTrue(System.nanoTime() - start >= TIMEOUT.toNanos(), "not before the timeout");
        assertReplyTimeout(timeout);
        heard.awaitClosed(1);   // the timeout closed the connection
        assertThrows(IOException.class, () -> {
            connection.send(Command.NumberRequest.INSTANCE);
            connection.flush();
        }, "the connection stays closed");
        connection.close();
    }

    @Test
    void aServerThatOwesNothingFailsAnAsyncReceiveAfterTheReplyTimeout() throws Exception {
        AsyncGameConnection connection = client.connectAsync(server.address()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        CompletableFuture<?> reply = connection.receive().toCompletableFuture();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
        assertReplyTimeout(assertInstanceOf(ClientTimeoutException.class, failed.getCause()));
        heard.awaitClosed(1);
        ExecutionException later = assertThrows(ExecutionException.class,
                () -> connection.receive().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, later.getCause(), "the connection stays failed");
        connection.close();
    }

    @Test
    void aServerThatStopsTakingCommandsFailsSendsAndCloseIsBounded() throws Exception {
        GameConnection connection = client.connect(server.address());
        // Every NUMBER is answered ERROR no game in progress; replies nobody reads back up until
        // the server stops reading, and then the client's writes stall.
        ClientTimeoutException timeout = assertThrows(ClientTimeoutException.class, () -> {
            for (long sent = 0; sent < MOST_BYTES_SENT; sent += NUMBER_BYTES) {
                connection.send(Command.NumberRequest.INSTANCE);
            }
            connection.flush();
        });
        assertEquals(ClientTimeoutException.Setting.replyTimeout, timeout.setting());
        assertTrue(timeout.getMessage().contains(Addresses.describe(server.address())), timeout.getMessage());
        connection.close();   // bounded: the test's timeout says how
        heard.awaitClosed(1);
    }

    @Test
    void anAsyncConnectionToAServerThatStopsTakingCommandsFailsItsSends() throws Exception {
        AsyncGameConnection connection = client.connectAsync(server.address()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        ArrayDeque<CompletableFuture<Void>> outstanding = new ArrayDeque<>();
        Throwable failure = null;
        for (long sent = 0; sent < MOST_BYTES_SENT && failure == null; sent += NUMBER_BYTES) {
            outstanding.add(connection.send(Command.NumberRequest.INSTANCE).toCompletableFuture());
            if (outstanding.size() > OUTSTANDING) {
                try {
                    outstanding.remove().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failure = e.getCause();
                }
            }
        }
        assertInstanceOf(ClientTimeoutException.class, failure, "a send the server never took fails with the timeout");
        assertEquals(ClientTimeoutException.Setting.replyTimeout, ((ClientTimeoutException) failure).setting());
        connection.close();
        heard.awaitClosed(1);
    }

    @Test
    void aConnectThatIsNeverAcceptedFailsAfterTheConnectTimeout() throws Exception {
        try (Unaccepting nowhere = unacceptingOrSkip()) {
            long start = System.nanoTime();
            ClientTimeoutException timeout = assertThrows(ClientTimeoutException.class, () -> client.connect(nowhere.address()));
            assertTrue(System.nanoTime() - start >= TIMEOUT.toNanos(), "not before the timeout");
            assertConnectTimeout(timeout, nowhere.address());
        }
    }

    @Test
    void anAsyncConnectThatIsNeverAcceptedFailsAfterTheConnectTimeout() throws Exception {
        try (Unaccepting nowhere = unacceptingOrSkip()) {
            CompletableFuture<AsyncGameConnection> connecting = client.connectAsync(nowhere.address()).toCompletableFuture();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> connecting.get(10, TimeUnit.SECONDS));
            assertConnectTimeout(assertInstanceOf(ClientTimeoutException.class, failed.getCause()), nowhere.address());
        }
    }

    private Unaccepting unacceptingOrSkip() throws IOException {
        Optional<Unaccepting> nowhere = unaccepting();
        Assumptions.assumeTrue(nowhere.isPresent(), "connecting never waits on this transport");
        return nowhere.get();
    }

    private void assertReplyTimeout(ClientTimeoutException timeout) {
        assertEquals(ClientTimeoutException.Setting.replyTimeout, timeout.setting());
        assertEquals(TIMEOUT, timeout.timeout());
        assertEquals("no reply from " + Addresses.describe(server.address()) + " within 300 ms (replyTimeout)",
                timeout.getMessage());
    }

    private static void assertConnectTimeout(ClientTimeoutException timeout, SocketAddress address) {
        assertEquals(ClientTimeoutException.Setting.connectTimeout, timeout.setting());
        assertEquals("cannot connect to " + Addresses.describe(address) + " within 300 ms (connectTimeout)",
                timeout.getMessage());
    }
}
