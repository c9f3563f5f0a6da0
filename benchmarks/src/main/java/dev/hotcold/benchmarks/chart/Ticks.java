package dev.hotcold.benchmarks.chart;

import java.util.ArrayList;
import java.util.List;

/** Round axis values, the 1-2-5 sequence: ..., 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, ... */
final class Ticks {
    private static final double[] MANTISSAS = {1, 2, 5};

    private Ticks() {}

    /** The largest 1-2-5 value at or below {@code value} (which must be positive). */
    static double atOrBelow(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        double best = decade;
        for (double mantissa : MANTISSAS) {
            if (mantissa * decade <= value * (1 + 1e-9)) {
                best = mantissa * decade;
            }
        }
        return best;
    }

    /** The smallest 1-2-5 value at or above {@code value} (which must be positive). */
    static double atOrAbove(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double mantissa : MANTISSAS) {
            if (mantissa * decade >= value * (1 - 1e-9)) {
                return mantissa * decade;
            }
        }
        return 10 * decade;
    }

    /** Every 1-2-5 value from {@link #atOrBelow}{@code (min)} to {@link #atOrAbove}{@code (max)}: a log axis's gridlines. */
    static List<Double> oneTwoFive(double min, double max) {
        double last = atOrAbove(max);
        List<Double> ticks = new ArrayList<>();
        for (double tick = atOrBelow(min); tick <= last * (1 + 1e-9); tick = atOrAbove(tick * 1.5)) {
            ticks.add(round(tick));
        }
        return ticks;
    }

    /** The smallest 1-2-5 step that divides {@code [0, max]} into at most {@code most} steps: a linear axis's gridlines. */
    static double step(double max, int most) {
        double step = atOrBelow(max / most);
        while (max / step > most) {
            step = atOrAbove(step * 1.5);
        }
        return round(step);
    }

    /** Without the floating-point dust of powers of ten (0.30000000000000004). */
    private static double round(double value) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", value));
    }
}
