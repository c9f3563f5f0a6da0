package dev.hotcold.transport.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.transport.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport is found by name through ServiceLoader, and bad names and options are named in errors. */
class InMemoryTransportLookupTest {

    @Test
    void isFoundByName() {
        try (Transport transport = Transport.named("inmemory")) {
            assertInstanceOf(InMemoryTransport.class, transport);
            assertEquals("inmemory", transport.name());
        }
    }

    @Test
    void anUnknownNameListsTheAvailableOnes() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Transport.named("carrier-pigeon"));
        assertTrue(failure.getMessage().contains("carrier-pigeon") && failure.getMessage().contains("inmemory"), failure.getMessage());
    }

    @Test
    void anUnknownOptionIsNamed() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Transport.named("inmemory", Map.of("colour", "blue")));
        assertTrue(failure.getMessage().contains("colour"), failure.getMessage());
    }
}
