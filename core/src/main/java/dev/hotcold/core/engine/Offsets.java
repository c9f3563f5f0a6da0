package dev.hotcold.core.engine;

/**
 * Arithmetic on positions within a range, kept as unsigned offsets from the range's lower bound.
 * The whole {@code long} range holds 2<sup>64</sup> numbers, so its offsets run from 0 to
 * 2<sup>64</sup> - 1: they fit a {@code long} only when read unsigned, and no wider type is needed.
 */
final class Offsets {
    private Offsets() {}

    /** Whether {@code offset} lies below {@code other}, both read unsigned. */
    static boolean below(long offset, long other) {
        return Long.compareUnsigned(offset, other) < 0;
    }

    /** The exact distance between two offsets read unsigned: at most 2<sup>64</sup> - 1. */
    static long distance(long offset, long other) {
        return below(offset, other) ? other - offset : offset - other;
    }
}
