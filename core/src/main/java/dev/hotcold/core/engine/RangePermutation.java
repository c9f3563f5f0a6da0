package dev.hotcold.core.engine;

/**
 * A keyed pseudo-random permutation of the indices [0, size) of a range, for any size up to
 * 2<sup>64</sup>: a balanced Feistel network on the smallest even number of bits that covers the
 * size, with cycle walking to stay below it. The covering domain is less than four times the
 * size, so an index takes fewer than four walks on average. Constant memory, no tables.
 */
final class RangePermutation {
    private static final int ROUNDS = 6;

    /** Range size as an unsigned number; 0 stands for 2^64 (the whole {@code long} range). */
    private final long size;
    private final int halfBits;
    private final long halfMask;
    private final long key;

    /**
     * @param size number of indices, unsigned, with 0 meaning 2^64
     * @param key any value; different keys give unrelated permutations
     */
    RangePermutation(long size, long key) {
        this.size = size;
        int bits = size == 0 ? 64 : 64 - Long.numberOfLeadingZeros(size - 1);
        this.halfBits = Math.max(1, (bits + 1) / 2);
        this.halfMask = (1L << halfBits) - 1;
        this.key = key;
    }

    /** The image of {@code index}, which must be below the size (unsigned). */
    long apply(long index) {
        long x = index;
        do {
            x = feistel(x);
        } while (size != 0 && Long.compareUnsigned(x, size) >= 0);
        return x;
    }

    private long feistel(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (mix(right + key * (round + 1)) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    /** Stafford's variant 13 of the 64-bit finalizer (as in SplittableRandom): a good mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
