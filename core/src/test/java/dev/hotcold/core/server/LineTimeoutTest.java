package dev.hotcold.core.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hotcold.core.spi.Channel;
import dev.hotcold.core.spi.Endpoint;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The line timeout as core decides it, against a mocked channel: which lines are late, when the
 * client is told, and that a client that does not go is closed at the next scan. The transports
 * carry it out in the testkit's conformance suite.
 */
class LineTimeoutTest {
    private static final long TIMEOUT = Duration.ofSeconds(10).toNanos();

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Channel channel = mock(Channel.class);
    private ServerConnection connection;

    @BeforeEach
    void admit() {
        when(channel.remoteAddress()).thenReturn(new InetSocketAddress("127.0.0.1", 4242));
        ServerConfig config = ServerConfig.builder().idleTimeout(Duration.ZERO)
                .lineTimeout(Duration.ofNanos(TIMEOUT)).nanoClock(clock::get).build();
        ServerLifecycle server = new ServerLifecycle(config, mock(Endpoint.class), Runnable::run);
        connection = server.admit(channel).orElseThrow();
    }

    private void receive(String bytes) {
        connection.receive(ByteBuffer.wrap(bytes.getBytes(US_ASCII)), ByteBuffer.allocate(4096), clock.get());
    }

    private boolean scanAfter(long nanos) {
        return connection.closeIfIdle(clock.addAndGet(nanos));
    }

    @Test
    void aLineIsTimedFromItsFirstByteNotFromTheLastOne() {
        receive("PAR");
        assertFalse(scanAfter(TIMEOUT - 1));
        receive("AMS 1 5");   // bytes move, but it is the same line
        assertTrue(scanAfter(1));
        ArgumentCaptor<ByteBuffer> reply = ArgumentCaptor.forClass(ByteBuffer.class);
        verify(channel).closeWith(reply.capture());
        assertEquals("ERROR line timeout\n", US_ASCII.decode(reply.getValue()).toString());
        verify(channel, never()).close();
    }

    @Test
    void aClientThatIsToldAndStaysIsClosedAtTheNextScan() {
        receive("NUMB");
        assertTrue(scanAfter(TIMEOUT));
        verify(channel).closeWith(any());
        assertTrue(scanAfter(1));
        verify(channel, times(1)).closeWith(any());   // told once
        verify(channel).close();
    }

    @Test
    void eachLineHasItsOwnTimeAndSilenceBetweenLinesIsNotALine() {
        receive("PARAMS 1 5\nNUM");   // one line ends, the next begins in the same call
        assertFalse(scanAfter(TIMEOUT - 1));
        receive("BER\n");
        assertFalse(scanAfter(TIMEOUT * 100), "no line in progress: silence is the idle timeout's business");
        receive("NU");
        assertFalse(scanAfter(TIMEOUT - 1), "a new line starts its own time");
        receive("MBER\nCL");   // ends it and starts another, whose time starts now
        assertFalse(scanAfter(TIMEOUT - 1));
        assertTrue(scanAfter(1));
        verify(channel).closeWith(any());
    }

    @Test
    void noLineTimeoutMeansNoBound() {
        ServerConfig config = ServerConfig.builder().idleTimeout(Duration.ZERO).lineTimeout(Duration.ZERO)
                .nanoClock(clock::get).build();
        ServerLifecycle server = new ServerLifecycle(config, mock(Endpoint.class), Runnable::run);
        assertEquals(0, server.idleScanIntervalNanos(), "nothing to scan for");
        Channel other = mock(Channel.class);
        when(other.remoteAddress()).thenReturn(new InetSocketAddress("127.0.0.1", 4243));
        ServerConnection unbounded = server.admit(other).orElseThrow();
        unbounded.receive(ByteBuffer.wrap("PAR".getBytes(US_ASCII)), ByteBuffer.allocate(4096), clock.get());
        assertFalse(unbounded.closeIfIdle(clock.addAndGet(TIMEOUT * 1000)));
        verify(other, never()).closeWith(any());
        verify(other, never()).close();
    }

    @Test
    void theScanRunsAtAQuarterOfTheShorterTimeout() {
        ServerLifecycle server = new ServerLifecycle(ServerConfig.builder().idleTimeout(Duration.ofMinutes(5))
                .lineTimeout(Duration.ofMillis(400)).build(), mock(Endpoint.class), Runnable::run);
        assertEquals(Duration.ofMillis(100).toNanos(), server.idleScanIntervalNanos());
    }
}
