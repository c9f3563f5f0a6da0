package dev.hotcold.socket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        backoff.stop();   // no waiting in this test
        for (int i = 0; i < 100; i++) {
            assertDoesNotThrow(() -> backoff.failed(new IOException("Too many open files")));
        }
        assertEquals(100, backoff.failures());
        assertEquals(1, log.calls.get(), "rate-limited: one report per interval, not one per failure");
        assertDoesNotThrow(backoff::succeeded);
        assertEquals(0, backoff.failures());
        assertEquals(2, log.calls.get(), "recovery is reported");
    }

    @Test
    void stopEndsTheWaitAtOnce() throws Exception {
        AcceptBackoff backoff = new AcceptBackoff(System.getLogger("test"), "test-acceptor");
        CountDownLatch waiting = new CountDownLatch(1);
        Thread acceptor = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 6; i++) {
                backoff.failed(new IOException("Too many open files"));   // 10 ms, 20, ... 320
            }
            waiting.countDown();
            for (int i = 0; i < 60; i++) {
                backoff.failed(new IOException("Too many open files"));   // a minute of 1 s waits
            }
        });
        assertTrue(waiting.await(30, TimeUnit.SECONDS));
        backoff.stop();
        assertTrue(acceptor.join(java.time.Duration.ofSeconds(10)), "stop() woke the waiting thread");
    }
}
