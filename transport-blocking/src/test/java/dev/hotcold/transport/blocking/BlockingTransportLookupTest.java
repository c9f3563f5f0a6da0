package dev.hotcold.transport.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.transport.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport is found by name through ServiceLoader, and bad names and options are named in errors. */
class BlockingTransportLookupTest {

    @Test
    void isFoundByName() {
        try (Transport transport = Transport.named("blocking")) {
            assertInstanceOf(BlockingTransport.class, transport);
            assertEquals("blocking", transport.name());
        }
    }

    @Test
    void anUnknownNameListsTheAvailableOnes() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Transport.named("carrier-pigeon"));
        assertTrue(failure.getMessage().contains("carrier-pigeon") && failure.getMessage().contains("blocking"), failure.getMessage());
    }

    @Test
    void anUnknownOptionIsNamed() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Transport.named("blocking", Map.of("colour", "blue")));
        assertTrue(failure.getMessage().contains("colour"), failure.getMessage());
    }

    @Test
    void theThreadsOptionPicksTheKind() {
        try (Transport transport = Transport.named("blocking", Map.of("threads", "platform"))) {
            assertEquals(ThreadKind.PLATFORM, ((BlockingTransport) transport).threads());
        }
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Transport.named("blocking", Map.of("threads", "green")));
        assertTrue(failure.getMessage().contains("threads"), failure.getMessage());
    }
}
