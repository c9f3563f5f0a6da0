package dev.hotcold.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark commands' flags: pairs, switches, help, and a value missing at the end. */
class FlagReaderTest {

    @Test
    void readsPairsAndSwitchesInOrder() {
        FlagReader flags = new FlagReader(new String[] {"--port", "5", "--table", "--title", "--table"}, Set.of("--table"));
        assertTrue(flags.next());
        assertEquals("--port", flags.flag());
        assertEquals("5", flags.value());
        assertTrue(flags.next());
        assertEquals("--table", flags.flag());
        assertNull(flags.value());
        assertTrue(flags.next());
        assertEquals("--title", flags.flag());
        assertEquals("--table", flags.value(), "a value is taken as written, even one that looks like a flag");
        assertFalse(flags.next());
    }

    @Test
    void helpTakesNoValue() {
        FlagReader flags = new FlagReader(new String[] {"--port", "5", "-h"}, Set.of());
        assertTrue(flags.next());
        assertFalse(flags.isHelp());
        assertTrue(flags.next());
        assertTrue(flags.isHelp());
        assertFalse(flags.next());
    }

    @Test
    void aFlagWithoutItsValueIsNamed() {
        FlagReader flags = new FlagReader(new String[] {"--seed"}, Set.of());
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, flags::next);
        assertEquals("--seed needs a value", failure.getMessage());
    }
}
