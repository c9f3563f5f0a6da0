package dev.hotcold.benchmarks.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void aLogAxisHasATickAtOneTwoAndFiveTimesEachPowerOfTenAroundTheFigures() {
        // The socket transports under JMH: 8,024 to 163,291 round trips/s.
        assertEquals(List.of(5_000.0, 10_000.0, 20_000.0, 50_000.0, 100_000.0, 200_000.0),
                Ticks.oneTwoFive(8_024, 163_291));
        assertEquals(List.of(20_000.0, 50_000.0, 100_000.0, 200_000.0), Ticks.oneTwoFive(45_000, 180_000));
        assertEquals(List.of(0.2, 0.5, 1.0, 2.0, 5.0, 10.0), Ticks.oneTwoFive(0.3, 7));
    }

    @Test
    void figuresOnAStepAreTheirOwnTicks() {
        assertEquals(List.of(100.0, 200.0, 500.0, 1_000.0), Ticks.oneTwoFive(100, 1_000));
        assertEquals(List.of(5.0), Ticks.oneTwoFive(5, 5));
        assertEquals(200.0, Ticks.atOrBelow(200));
        assertEquals(200.0, Ticks.atOrAbove(200));
        assertEquals(500.0, Ticks.atOrBelow(999));
        assertEquals(1_000.0, Ticks.atOrAbove(501));
    }

    @Test
    void aLinearAxisStepsByTheSmallestOneTwoFiveValueThatGivesAtMostTheGridlinesAsked() {
        assertEquals(20_000.0, Ticks.step(170_000, 12));   // 9 steps; 10,000 would give 17
        assertEquals(0.1, Ticks.step(1.08, 12));             // 11 steps; 0.05 would give 22
        assertEquals(500_000.0, Ticks.step(5_050_000, 12));
        assertEquals(1.0, Ticks.step(10, 10));
    }
}
