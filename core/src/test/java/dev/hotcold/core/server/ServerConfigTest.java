package dev.hotcold.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.engine.GuessStrategy;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void loopbackHasTheDocumentedDefaults() {
        ServerConfig config = ServerConfig.loopback(0);
        InetSocketAddress address = (InetSocketAddress) config.bindAddress();
        assertTrue(address.getAddress().isLoopbackAddress());
        assertEquals(0, address.getPort());
        assertEquals(10_000, config.maxConnections());
        assertEquals(Duration.ofMinutes(5), config.idleTimeout());
        assertEquals(1024, config.maxLineLength());
        assertEquals(Duration.ofSeconds(10), config.shutdownGracePeriod());
        assertEquals(ServerConfig.DEFAULT_BACKLOG, config.backlog());
    }

    @Test
    void toBuilderKeepsEveryValue() {
        GuessStrategy strategy = GuessStrategy.random(1);
        java.util.concurrent.Executor direct = Runnable::run;
        ServerConfig config = ServerConfig.builder().maxConnections(3).idleTimeout(Duration.ZERO)
                .maxLineLength(100).backlog(7).shutdownGracePeriod(Duration.ofSeconds(1)).strategy(strategy)
                .listenerExecutor(direct).build();
        assertEquals(config, config.toBuilder().build());
        assertEquals(java.util.Optional.of(direct), config.toBuilder().build().listenerExecutor());
        assertEquals(java.util.Optional.empty(), ServerConfig.loopback(0).listenerExecutor(), "the transport's default");
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertMessage("maxConnections", () -> ServerConfig.builder().maxConnections(0).build());
        assertMessage("idleTimeout", () -> ServerConfig.builder().idleTimeout(Duration.ofSeconds(-1)).build());
        assertMessage("maxLineLength", () -> ServerConfig.builder().maxLineLength(10).build());
        assertMessage("shutdownGracePeriod", () -> ServerConfig.builder().shutdownGracePeriod(Duration.ofSeconds(-1)).build());
        assertMessage("backlog", () -> ServerConfig.builder().backlog(0).build());
        assertMessage("nanoClock", () -> ServerConfig.builder().nanoClock(null).build());
        assertMessage("listener", () -> ServerConfig.builder().listener(null).build());
        assertMessage("bindAddress", () -> ServerConfig.builder().bindAddress(null).build());
    }

    /**
     * A duration whose nanoseconds overflow a long (about 292 years) is refused when the config is
     * built, naming the setting, not when a server bound with it first computes a deadline.
     */
    @Test
    void durationsAreBoundedSoThatNoArithmeticOverflows() {
        for (Duration tooLong : new Duration[] {Duration.ofDays(366), Duration.ofDays(365 * 300), Duration.ofSeconds(Long.MAX_VALUE)}) {
            assertEquals("idleTimeout must be at most 365 days, was " + tooLong,
                    assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().idleTimeout(tooLong).build()).getMessage());
            assertEquals("shutdownGracePeriod must be at most 365 days, was " + tooLong,
                    assertThrows(IllegalArgumentException.class,
                            () -> ServerConfig.builder().shutdownGracePeriod(tooLong).build()).getMessage());
        }
        ServerConfig longest = ServerConfig.builder().idleTimeout(ServerConfig.MAX_DURATION)
                .shutdownGracePeriod(ServerConfig.MAX_DURATION).build();
        assertEquals(ServerConfig.MAX_DURATION.toNanos(), longest.idleTimeout().toNanos());
    }

    private static void assertMessage(String name, org.junit.jupiter.api.function.Executable build) {
        RuntimeException failure = assertThrows(RuntimeException.class, build);
        assertTrue(failure.getMessage().contains(name), failure.getMessage());
    }
}
