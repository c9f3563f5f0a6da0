package dev.hotcold.core.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hotcold.core.events.CloseReason;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.ConnectionSecurity;
import dev.hotcold.core.events.ConnectionSummary;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.ServerObserver;
import dev.hotcold.core.spi.Channel;
import dev.hotcold.core.spi.Endpoint;
import dev.hotcold.core.tls.TlsConfig;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * The TLS handshake as core sees it, against a mocked channel that says it handshakes: the
 * deadline from admission, the connection-opened event held back until the handshake is done and
 * then naming the session, and a connection that never got there still opening and closing once.
 * The transports carry it out in the testkit's TLS suite.
 */
class HandshakeTimeoutTest {
    private static final long TIMEOUT = Duration.ofSeconds(10).toNanos();

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Channel channel = mock(Channel.class);
    private final GameListener listener = mock(GameListener.class);
    private final ServerObserver observer = mock(ServerObserver.class);
    private ServerLifecycle server;
    private ServerConnection connection;

    @BeforeEach
    void admit() throws NoSuchAlgorithmException {
        when(channel.remoteAddress()).thenReturn(new InetSocketAddress("127.0.0.1", 4242));
        when(channel.handshakes()).thenReturn(true);
        ServerConfig config = ServerConfig.builder().idleTimeout(Duration.ZERO).lineTimeout(Duration.ZERO)
                .tls(TlsConfig.builder().sslContext(SSLContext.getDefault()).build())
                .handshakeTimeout(Duration.ofNanos(TIMEOUT)).nanoClock(clock::get)
                .listener(listener).observer(observer).build();
        server = new ServerLifecycle(config, mock(Endpoint.class), Runnable::run);
        connection = server.admit(channel).orElseThrow();
    }

    private boolean scanAfter(long nanos) {
        return connection.closeIfIdle(clock.addAndGet(nanos));
    }

    @Test
    void theScanRunsForTheHandshakeTimeoutAlone() {
        assertTrue(server.idleScanIntervalNanos() > 0, "no idle or line timeout, but a handshake to time");
    }

    @Test
    void aHandshakeNotDoneWithinTheTimeoutIsClosedWithoutAWord() {
        assertFalse(scanAfter(TIMEOUT - 1));
        verify(channel, never()).close();
        assertTrue(scanAfter(1));
        verify(channel).close();
        verify(channel, never()).closeWith(any());
        connection.closed();
        ArgumentCaptor<ConnectionSummary> summary = ArgumentCaptor.forClass(ConnectionSummary.class);
        verify(observer).onConnectionClosed(any(), summary.capture());
        assertEquals(CloseReason.HANDSHAKE_TIMEOUT, summary.getValue().reason());
        InOrder order = inOrder(listener);
        order.verify(listener).onConnectionOpened(any());   // opened and closed, once each
        order.verify(listener).onConnectionClosed(any());
        assertEquals(0, server.connectionCount(), "the slot is free");
    }

    @Test
    void theListenerHearsOfTheConnectionOnceSecuredAndLearnsItsSession() {
        verify(listener, never()).onConnectionOpened(any());
        ConnectionSecurity tls13 = new ConnectionSecurity("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of());
        connection.secured(tls13, clock.addAndGet(1_000));
        ArgumentCaptor<ConnectionInfo> opened = ArgumentCaptor.forClass(ConnectionInfo.class);
        verify(listener).onConnectionOpened(opened.capture());
        assertEquals(tls13, opened.getValue().security());
        verify(observer).onConnectionAdmitted(opened.getValue());
        assertFalse(scanAfter(TIMEOUT * 2), "a secured connection is not timed as a handshake");
        connection.receive(ByteBuffer.wrap("PARAMS 1 9\n".getBytes(US_ASCII)), ByteBuffer.allocate(64), clock.get());
        ArgumentCaptor<ConnectionInfo> started = ArgumentCaptor.forClass(ConnectionInfo.class);
        verify(listener).onGameStarted(started.capture(), anyLong(), anyLong());
        assertEquals(tls13, started.getValue().security(), "every later event names the session");
    }

    @Test
    void aFailedHandshakeIsReportedAsSuch() {
        connection.handshakeFailed(new javax.net.ssl.SSLHandshakeException("no common protocol"));
        connection.closed();
        ArgumentCaptor<ConnectionSummary> summary = ArgumentCaptor.forClass(ConnectionSummary.class);
        verify(observer).onConnectionClosed(any(), summary.capture());
        assertEquals(CloseReason.HANDSHAKE_FAILED, summary.getValue().reason());
    }
}
