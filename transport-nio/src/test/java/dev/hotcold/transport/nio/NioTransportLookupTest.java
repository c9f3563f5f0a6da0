package dev.hotcold.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.transport.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport is found by name through ServiceLoader, and bad names and options are named in errors. */
class NioTransportLookupTest {

    @Test
    void isFoundByName() {
        try (Transport transport = Transport.named("nio")) {
            assertInstanceOf(NioTransport.class, transport);
            assertEquals("nio", transport.name());
        }
    }

    @Test
    void anUnknownNameListsTheAvailableOnes() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Transport.named("carrier-pigeon"));
        assertTrue(failure.getMessage().contains("carrier-pigeon") && failure.getMessage().contains("nio"), failure.getMessage());
    }

    @Test
    void anUnknownOptionIsNamed() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Transport.named("nio", Map.of("colour", "blue")));
        assertTrue(failure.getMessage().contains("colour"), failure.getMessage());
    }

    /** One core is left to the rest of the machine, and there is always a loop. */
    @Test
    void theDefaultLoopsAreOneFewerThanTheProcessors() {
        assertEquals(1, NioTransport.defaultServerLoops(1));
        assertEquals(1, NioTransport.defaultServerLoops(2));
        assertEquals(7, NioTransport.defaultServerLoops(8));
        try (NioTransport transport = new NioTransport()) {
            int expected = NioTransport.defaultServerLoops(Runtime.getRuntime().availableProcessors());
            assertTrue(transport.toString().contains("serverLoops=" + expected + ","), transport.toString());
        }
    }

    @Test
    void optionsConfigureTheTransport() {
        try (Transport transport = Transport.named("nio", Map.of("serverLoops", "3"))) {
            assertTrue(transport.toString().contains("serverLoops=3"), transport.toString());
        }
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Transport.named("nio", Map.of("serverLoops", "0")));
        assertTrue(failure.getMessage().contains("serverLoops"), failure.getMessage());
    }
}
