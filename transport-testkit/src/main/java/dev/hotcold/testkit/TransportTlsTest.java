package dev.hotcold.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.events.CloseReason;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.ConnectionSummary;
import dev.hotcold.core.events.GameEnd;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.GameSummary;
import dev.hotcold.core.events.ServerObserver;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.tls.ClientAuth;
import dev.hotcold.core.tls.TlsConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only TLS can get wrong, for socket transports: who the client is, and the faults of a
 * handshake (a plain-text client, a client that stops mid-handshake, certificates nobody trusts,
 * a protocol version refused, a connection cut without {@code close_notify}). Every server here
 * serves {@link TestCertificates}; the conformance, fault, user-code, observability and
 * client-timeout suites run over TLS as well, through their {@code overTls()} switch.
 *
 * <pre>{@code
 * class MyTransportTlsTest extends TransportTlsTest {
 *     protected Transport newTransport() { return new MyTransport(); }
 * }
 * }</pre>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class TransportTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The transport under test, made before each test and closed after it. */
    protected Transport transport;
    private final TestCertificates certificates = TestCertificates.get();
    private final List<GameServer> servers = new ArrayList<>();
    private final BlockingQueue<ConnectionInfo> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<ConnectionSummary> closed = new LinkedBlockingQueue<>();
    private final BlockingQueue<GameSummary> games = new LinkedBlockingQueue<>();

    /** For subclasses, one per transport; JUnit makes one instance per test. */
    public TransportTlsTest() {}

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
    void closeEverything() throws InterruptedException {
        for (GameServer server : servers) {
            server.shutdownNow();
            assertTrue(server.awaitTermination(WAIT), "server terminates");
        }
        transport.close();
    }

    private GameServer serve(TlsConfig tls) throws IOException {
        return serve(ServerConfig.loopback(0).toBuilder().tls(tls));
    }

    private GameServer serve(ServerConfig.Builder config) throws IOException {
        GameServer server = transport.serve(config
                .listener(new GameListener() {
                    @Override
                    public void onConnectionOpened(ConnectionInfo connection) {
                        opened.add(connection);
                    }
                })
                .observer(new ServerObserver() {
                    @Override
                    public void onConnectionClosed(ConnectionInfo connection, ConnectionSummary summary) {
                        closed.add(summary);
                    }

                    @Override
                    public void onGameFinished(ConnectionInfo connection, GameSummary game) {
                        games.add(game);
                    }
                })
                .build());
        servers.add(server);
        return server;
    }

    private GameConnection connect(GameServer server, TlsConfig tls) throws IOException {
        return transport.client(ClientOptions.builder().tls(tls).connectTimeout(WAIT).build()).connect(server.address());
    }

    private static void play(GameConnection connection) throws IOException {
        try (Game game = Game.start(connection, 1, 100, 42)) {
            game.play();
        }
    }

    private CloseReason nextCloseReason() throws InterruptedException {
        ConnectionSummary summary = closed.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(summary != null, "the connection was reported closed");
        return summary.reason();
    }

    private ConnectionInfo nextOpened() throws InterruptedException {
        ConnectionInfo info = opened.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(info != null, "the listener heard of the connection");
        return info;
    }

    @Test
    void aGameOverTls13NamesItsSessionToTheListener() throws Exception {
        GameServer server = serve(certificates.serverTls());
        try (GameConnection connection = connect(server, certificates.clientTls())) {
            play(connection);
        }
        ConnectionInfo info = nextOpened();
        assertEquals("TLSv1.3", info.security().protocol());
        assertTrue(info.security().isTls());
        assertEquals(Optional.empty(), info.security().peerPrincipal(), "no client certificate was asked for");
        assertEquals(CloseReason.CLIENT_LEFT, nextCloseReason());
    }

    @Test
    void aServerServesFromPemFilesToo() throws Exception {
        GameServer server = serve(TlsConfig.builder()
                .pem(certificates.serverCertificatePem(), certificates.serverKeyPem()).build());
        try (GameConnection connection = connect(server, certificates.clientTls())) {
            play(connection);
        }
        assertEquals("TLSv1.3", nextOpened().security().protocol());
    }

    @Test
    void aRequiredClientCertificateNamesTheClient() throws Exception {
        GameServer server = serve(certificates.serverTls(ClientAuth.REQUIRED));
        try (GameConnection connection = connect(server, certificates.clientTlsAsAlice())) {
            play(connection);
        }
        ConnectionInfo info = nextOpened();
        assertTrue(info.security().peerPrincipal().orElseThrow().getName().startsWith("CN=alice"),
                info.security().toString());
    }

    @Test
    void aClientWithoutTheRequiredCertificateIsTurnedAway() throws Exception {
        GameServer server = serve(certificates.serverTls(ClientAuth.REQUIRED));
        assertTurnedAway(server, certificates.clientTls());
        assertEquals(CloseReason.HANDSHAKE_FAILED, nextCloseReason());
        assertServes(server, certificates.clientTlsAsAlice());
    }

    @Test
    void aClientCertificateTheServerDoesNotTrustIsTurnedAwayWhenRequired() throws Exception {
        GameServer server = serve(certificates.serverTls(ClientAuth.REQUIRED));
        assertTurnedAway(server, certificates.clientTlsAsMallory());
        assertEquals(CloseReason.HANDSHAKE_FAILED, nextCloseReason());
    }

    @Test
    void anOptionalClientCertificateNamesOnlyATrustedClient() throws Exception {
        GameServer server = serve(certificates.serverTls(ClientAuth.OPTIONAL));
        assertServes(server, certificates.clientTls());
        assertEquals(Optional.empty(), nextOpened().security().peerPrincipal(), "no certificate, no name");
        assertServes(server, certificates.clientTlsAsAlice());
        assertTrue(nextOpened().security().peerPrincipal().orElseThrow().getName().startsWith("CN=alice"));
        // The JDK's TLS goes on without a certificate it cannot verify: mallory plays, as nobody.
        assertServes(server, certificates.clientTlsAsMallory());
        assertEquals(Optional.empty(), nextOpened().security().peerPrincipal(), "an untrusted certificate names no one");
    }

    @Test
    void aClientThatDoesNotTrustTheServerSaysSo() throws Exception {
        GameServer server = serve(certificates.serverTls());
        TlsConfig jdkTrust = TlsConfig.builder().build();   // the JDK's CAs, not the test CA
        IOException failure = assertThrows(IOException.class, () -> connect(server, jdkTrust).close());
        assertTrue(failure.getMessage().contains("not trusted"), failure.getMessage());
        assertEquals(CloseReason.HANDSHAKE_FAILED, nextCloseReason());
    }

    @Test
    void aPlainTextClientOnATlsPortIsClosedAndItsSlotFreed() throws Exception {
        GameServer server = serve(certificates.serverTls());
        try (Socket plain = new Socket()) {
            plain.connect(server.address(), 10_000);
            plain.setSoTimeout(20_000);
            plain.getOutputStream().write("PARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
            assertFalse(readsAnyGameReply(plain.getInputStream()), "no game over plain text");
        }
        assertEquals(CloseReason.HANDSHAKE_FAILED, nextCloseReason());
        assertEquals(0, server.connectionCount());
        assertServes(server, certificates.clientTls());
    }

    @Test
    void aClientThatStopsMidHandshakeLosesItsSlotAfterTheHandshakeTimeout() throws Exception {
        FakeClock clock = new FakeClock();
        GameServer server = serve(ServerConfig.loopback(0).toBuilder().tls(certificates.serverTls())
                .nanoClock(clock).handshakeTimeout(Duration.ofSeconds(5)).maxConnections(1));
        try (Socket stalled = new Socket()) {
            stalled.connect(server.address(), 10_000);
            stalled.getOutputStream().write(new byte[] {0x16, 0x03, 0x01});   // the start of a ClientHello
            awaitConnections(server, 1);
            clock.advance(Duration.ofSeconds(4));
            assertEquals(null, closed.poll(300, TimeUnit.MILLISECONDS), "not before the handshake timeout");
            do {
                clock.advance(Duration.ofSeconds(1));
            } while (closed.isEmpty() && !Thread.currentThread().isInterrupted() && sleep(20));
            assertEquals(CloseReason.HANDSHAKE_TIMEOUT, nextCloseReason());
            stalled.setSoTimeout(20_000);
            byte[] said = stalled.getInputStream().readAllBytes();   // to the end: the server closed it
            assertTrue(said.length == 0 || said[0] == 0x15, "nothing, or a TLS alert: " + said.length + " bytes");
        }
        assertEquals(0, server.connectionCount(), "the slot is free again");
        assertServes(server, certificates.clientTls());
    }

    @Test
    void aTruncatedConnectionCutsItsGameAndTheServerGoesOn() throws Exception {
        GameServer server = serve(certificates.serverTls());
        TlsRawClient cut = new TlsRawClient(server.address(), certificates.clientTls());
        cut.write("PARAMS 1 1000\nNUMBER\n".getBytes(US_ASCII));
        assertTrue(cut.readLine().matches("\\d+"));
        cut.abort();   // a TCP reset, no close_notify
        GameSummary game = games.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(game != null, "the game was reported");
        assertEquals(GameEnd.CUT_OFF, game.end());
        assertEquals(CloseReason.CLIENT_LEFT, nextCloseReason());
        assertServes(server, certificates.clientTls());
    }

    @Test
    void tls12IsRefusedUnlessAllowed() throws Exception {
        TlsConfig tls12Client = certificates.clientTls();
        GameServer strict = serve(certificates.serverTls());
        TlsRawClient onlyTls12 = null;
        try {
            onlyTls12 = tls12Only(strict, tls12Client);
        } catch (SSLException refused) {
            // as it should be
        }
        assertEquals(null, onlyTls12, "a TLS 1.2-only client is refused by default");
        assertEquals(CloseReason.HANDSHAKE_FAILED, nextCloseReason());

        GameServer lenient = serve(TlsConfig.builder().keyStore(certificates.serverKeyStore(),
                TestCertificates.PASSWORD.toCharArray()).allowTls12(true).build());
        opened.clear();
        try (TlsRawClient client = tls12Only(lenient, tls12Client)) {
            client.write("PARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
            assertTrue(client.readLine().matches("\\d"));
        }
        assertEquals("TLSv1.2", nextOpened().security().protocol());
    }

    private static TlsRawClient tls12Only(GameServer server, TlsConfig trust) throws IOException {
        return new TlsRawClient(server.address(), trust, "TLSv1.2");
    }

    private void assertTurnedAway(GameServer server, TlsConfig client) {
        Exception failure = assertThrows(Exception.class, () -> {
            try (GameConnection connection = connect(server, client)) {
                play(connection);   // over TLS 1.3 the client may learn of its rejection only when it reads
            }
        });
        assertTrue(failure instanceof IOException || failure.getCause() instanceof IOException, failure::toString);
    }

    private void assertServes(GameServer server, TlsConfig client) throws IOException {
        try (GameConnection connection = connect(server, client)) {
            play(connection);
        }
    }

    private static void awaitConnections(GameServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.connectionCount() != count) {
            assertTrue(System.nanoTime() < deadline, "waited for " + count + " connections");
            Thread.sleep(10);
        }
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    /** Reads until the end of the stream; true if anything like a game's reply came. */
    private static boolean readsAnyGameReply(InputStream in) {
        try {
            String text = new String(in.readAllBytes(), US_ASCII);
            return text.lines().anyMatch(line -> line.matches("\\d+|ERROR .*"));
        } catch (IOException reset) {
            return false;
        }
    }
}
