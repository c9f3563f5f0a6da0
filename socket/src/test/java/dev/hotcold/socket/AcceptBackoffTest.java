package dev.hotcold.socket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AcceptBackoffTest {

    /** A log that fails as one does out of file descriptors: with an Error. */
    private static final class BrokenLog implements System.Logger {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String getName() {
            return "broken";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            calls.incrementAndGet();
            throw new Error("Unable to load TZDB time-zone rules (Too many open files)");
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            calls.incrementAndGet();
            throw new Error("Unable to load TZDB time-zone rules (Too many open files)");
        }
    }

    @Test
    void anErrorFromTheLogDoesNotEscape() {
        BrokenLog log = new BrokenLog();
        AcceptBackoff backoff = new AcceptBackoff(log, "test-acceptor");
        Thread.currentThread().interrupt();   // an interrupted thread does not pause: no waiting here
        try {
            for (int i = 0; i < 100; i++) {
                assertDoesNotThrow(() -> backoff.failed(new IOException("Too many open files")));
            }
        } finally {
            Thread.interrupted();
        }
        assertEquals(100, backoff.failures());
        assertEquals(1, log.calls.get(), "rate-limited: one report per interval, not one per failure");
        assertDoesNotThrow(backoff::succeeded);
        assertEquals(0, backoff.failures());
        assertEquals(2, log.calls.get(), "recovery is reported");
    }
}
