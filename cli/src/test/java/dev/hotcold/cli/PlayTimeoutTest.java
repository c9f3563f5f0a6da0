package dev.hotcold.cli;

import dev.hotcold.cli.flags.TimeoutConverter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.testkit.FullBacklog;
import dev.hotcold.testkit.SilentServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** {@code play --timeout}: a server that hangs ends the game with one clear line, not a hang. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlayTimeoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "nio"})
    void playAgainstASilentServerStopsAfterTheTimeoutWithOneLine(String transport) throws Exception {
        try (SilentServer server = new SilentServer()) {
            String port = String.valueOf(server.address().getPort());
            long start = System.nanoTime();
            Transcript.Run play = Transcript.run("play", "--transport", transport, "--port", port, "--timeout", "0.5");
            long elapsed = System.nanoTime() - start;
            assertEquals(1, play.exitCode(), play.err());
            assertEquals("hotcold: no reply from 127.0.0.1:" + port + " within 500 ms (--timeout)", play.err().strip());
            assertEquals(1, play.err().lines().count(), "one line, no stack trace");
            assertTrue(elapsed >= Duration.ofMillis(500).toNanos(), "not before the timeout");
            server.awaitClientClosed(10);
        }
    }

    @Test
    void playAgainstAServerThatNeverAcceptsStopsAfterTheTimeout() throws Exception {
        try (FullBacklog server = new FullBacklog()) {
            String port = String.valueOf(server.address().getPort());
            Transcript.Run play = Transcript.run("play", "--port", port, "--timeout", "300ms");
            assertEquals(1, play.exitCode(), play.err());
            assertEquals("hotcold: cannot connect to 127.0.0.1:" + port + " within 300 ms (--timeout)", play.err().strip());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0ms", "soon", "5 fortnights", "PT0S", "PTX", "400d", "99999999999999999999"})
    void aBadTimeoutIsAUsageErrorNamingTheOption(String value) {
        Transcript.Run play = Transcript.run("play", "--timeout", value);
        assertEquals(2, play.exitCode(), play.err());
        assertTrue(play.err().startsWith("hotcold play: Invalid value for option '--timeout'"), play.err());
        assertEquals(1, play.err().strip().lines().count(), play.err());
    }

    @ParameterizedTest
    @CsvSource({"5,PT5S", "0.5,PT0.5S", "250ms,PT0.25S", "2m,PT2M", "1h,PT1H", "PT1M30S,PT1M30S", " 3s ,PT3S"})
    void timeoutsAreWrittenAsPeopleWriteThem(String value, String expected) {
        assertEquals(Duration.parse(expected), new TimeoutConverter().convert(value));
    }

    @Test
    void theConverterRefusesWhatIsNotADuration() {
        TimeoutConverter converter = new TimeoutConverter();
        assertEquals("'0' is not a positive duration", assertThrows(TypeConversionException.class, () -> converter.convert("0")).getMessage());
    }
}
