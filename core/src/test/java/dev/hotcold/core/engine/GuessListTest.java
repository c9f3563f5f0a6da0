package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The guess list: sorted by offset, no repeats, a fixed capacity, unsigned offsets. */
class GuessListTest {

    @Test
    void keepsOffsetsInAscendingOrderAcrossTheSignOfTheNumbers() {
        // On the whole long range, offset 2^63 is the number 0 and offset 2^64 - 1 is Long.MAX_VALUE.
        GuessList list = new GuessList(Long.MIN_VALUE, 8);
        long[] added = {-1L, 0, Long.MIN_VALUE, 1L << 62, 5};
        for (long offset : added) {
            list.add(offset);
        }
        assertEquals(5, list.size());
        long[] ascending = {0, 5, 1L << 62, Long.MIN_VALUE, -1L};
        for (int i = 0; i < ascending.length; i++) {
            assertEquals(ascending[i], list.offset(i), "index " + i);
        }
        assertTrue(list.contains(Long.MIN_VALUE));
        assertFalse(list.contains(Long.MIN_VALUE + 1));
        assertEquals(3, list.countBetween(5, Long.MIN_VALUE));
        assertEquals(5, list.countBetween(0, -1L));
    }

    @Test
    void aRepeatIsABugAndIsRefused() {
        GuessList list = new GuessList(-10, 8);
        list.add(3);
        IllegalStateException repeat = assertThrows(IllegalStateException.class, () -> list.add(3));
        assertEquals("guessed twice: -7", repeat.getMessage());
        assertEquals(1, list.size());
    }

    @Test
    void fullAtItsCapacity() {
        GuessList list = new GuessList(0, 10);
        for (int offset = 0; offset < 10; offset++) {
            assertFalse(list.isFull());
            list.add(offset * 7L);
        }
        assertTrue(list.isFull());
        assertEquals(10, list.size());
    }

    @RepeatedTest(20)
    void agreesWithASortedSet(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(0x1157L + repetition.getCurrentRepetition());
        long lower = random.nextLong(-1_000, 1_000);
        GuessList list = new GuessList(lower, 136);
        TreeSet<Long> reference = new TreeSet<>();
        while (reference.size() < 136) {
            long offset = random.nextLong(300);
            if (reference.add(offset)) {
                list.add(offset);
            }
            long from = random.nextLong(300);
            long to = from + random.nextLong(300 - from);
            assertEquals(reference.subSet(from, true, to, true).size(), list.countBetween(from, to));
            assertEquals(reference.contains(from), list.contains(from));
        }
        int index = 0;
        for (long offset : reference) {
            assertEquals(offset, list.offset(index++));
        }
    }
}
