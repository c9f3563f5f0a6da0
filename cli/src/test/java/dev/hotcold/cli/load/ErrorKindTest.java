package dev.hotcold.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import dev.hotcold.core.client.ClientTimeoutException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Failures as the NIO client reports them, sorted into the kinds the summary names. */
class ErrorKindTest {

    @Test
    void connectFailures() {
        assertEquals(ErrorKind.CONNECT_REFUSED, ErrorKind.ofConnectFailure(new ConnectException("Connection refused")));
        assertEquals(ErrorKind.CONNECT_REFUSED,
                ErrorKind.ofConnectFailure(new CompletionException(new ConnectException("Connection refused"))));
        assertEquals(ErrorKind.CONNECT_FAILED, ErrorKind.ofConnectFailure(new IOException("Too many open files")));
    }

    @Test
    void failuresOfAnEstablishedConnection() {
        assertEquals(ErrorKind.CLOSED, ErrorKind.ofConnectionFailure(new EOFException("connection closed by the server")));
        assertEquals(ErrorKind.CLOSED, ErrorKind.ofConnectionFailure(new CompletionException(new EOFException())));
        assertEquals(ErrorKind.RESET, ErrorKind.ofConnectionFailure(new IOException("Connection reset by peer")));
        assertEquals(ErrorKind.RESET, ErrorKind.ofConnectionFailure(new IOException("Connection reset")));
        assertEquals(ErrorKind.CLOSED, ErrorKind.ofConnectionFailure(new IOException("Broken pipe")));
        assertEquals(ErrorKind.IO, ErrorKind.ofConnectionFailure(new IOException("No buffer space available")));
        assertEquals(ErrorKind.IO, ErrorKind.ofConnectionFailure(new IOException((String) null)));
    }

    /** The client's own timeouts, kept apart by the setting that ran out. */
    @Test
    void timeoutsByTheirSetting() {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", 1234);
        Duration timeout = Duration.ofMillis(300);
        assertEquals(ErrorKind.CONNECT_TIMEOUT, ErrorKind.ofConnectFailure(ClientTimeoutException.connect(server, timeout)));
        assertEquals(ErrorKind.CONNECT_TIMEOUT,
                ErrorKind.ofConnectFailure(new CompletionException(ClientTimeoutException.connect(server, timeout))));
        assertEquals(ErrorKind.TIMEOUT, ErrorKind.ofConnectionFailure(ClientTimeoutException.reply(server, timeout)));
        assertEquals(ErrorKind.TIMEOUT,
                ErrorKind.ofConnectionFailure(new CompletionException(ClientTimeoutException.reply(server, timeout))));
        assertEquals(ErrorKind.TIMEOUT, ErrorKind.ofConnectionFailure(ClientTimeoutException.send(server, timeout)));
    }

    @Test
    void labelsAreUniqueSnakeCase() {
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (ErrorKind kind : ErrorKind.values()) {
            assertEquals(kind.name().toLowerCase(java.util.Locale.ROOT), kind.label());
            labels.add(kind.label());
        }
        assertEquals(ErrorKind.values().length, labels.size());
    }
}
