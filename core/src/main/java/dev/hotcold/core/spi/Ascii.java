package dev.hotcold.core.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers for the protocol's ASCII text; no allocation on the parse and write paths. */
public final class Ascii {
    public static final byte SPACE = ' ';
    public static final byte NEWLINE = '\n';

    /** Characters in the longest decimal {@code long}: {@code -9223372036854775808}. */
    public static final int MAX_LONG_CHARS = 20;

    private Ascii() {}

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code bytes[from, to)} holds exactly {@code expected}. */
    public static boolean equalsAt(ByteBuffer bytes, int from, int to, byte[] expected) {
        if (to - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes.get(from + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first space in {@code bytes[from, to)}, or {@code to} if there is none. */
    public static int indexOfSpace(ByteBuffer bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes.get(i) == SPACE) {
                return i;
            }
        }
        return to;
    }

    /**
     * Whether {@code bytes[from, to)} is a signed decimal {@code long}: an optional {@code +} or
     * {@code -}, then one or more ASCII digits and nothing else, with a value that fits in 64 bits.
     */
    public static boolean isDecimalLong(ByteBuffer bytes, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (bytes.get(i) == '-' || bytes.get(i) == '+')) {
            negative = bytes.get(i) == '-';
            i++;
        }
        if (i == to) {
            return false;
        }
        // Accumulate negatively, as Long.parseLong does, so that Long.MIN_VALUE fits.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyLimit = limit / 10;
        long result = 0;
        for (; i < to; i++) {
            int digit = bytes.get(i) - '0';
            if (digit < 0 || digit > 9 || result < multiplyLimit) {
                return false;
            }
            result *= 10;
            if (result < limit + digit) {
                return false;
            }
            result -= digit;
        }
        return true;
    }

    /** The value of {@code bytes[from, to)}, which {@link #isDecimalLong} must have accepted. */
    public static long parseDecimalLong(ByteBuffer bytes, int from, int to) {
        int i = from;
        boolean negative = bytes.get(i) == '-';
        if (negative || bytes.get(i) == '+') {
            i++;
        }
        long result = 0;
        for (; i < to; i++) {
            result = result * 10 - (bytes.get(i) - '0');
        }
        return negative ? result : -result;
    }

    /** Writes {@code value} in decimal at {@code out}'s position; needs {@link #MAX_LONG_CHARS} room. */
    public static void writeLong(ByteBuffer out, long value) {
        if (value == Long.MIN_VALUE) {
            out.put(MIN_VALUE_BYTES);
            return;
        }
        if (value < 0) {
            out.put((byte) '-');
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int end = out.position() + digits;
        for (int i = end - 1; i >= out.position(); i--) {
            out.put(i, (byte) ('0' + value % 10));
            value /= 10;
        }
        out.position(end);
    }

    private static final byte[] MIN_VALUE_BYTES = bytes(Long.toString(Long.MIN_VALUE));
}
