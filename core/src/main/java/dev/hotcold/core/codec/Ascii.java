package dev.hotcold.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers for the protocol's ASCII text; no allocation on the parse and write paths. */
public final class Ascii {
    /** The byte that separates a command's words. */
    public static final byte SPACE = ' ';
    /** The byte that ends a line. */
    public static final byte NEWLINE = '\n';

    /** Characters in the longest decimal {@code long}: {@code -9223372036854775808}. */
    public static final int MAX_LONG_CHARS = 20;

    private Ascii() {}

    /**
     * The US-ASCII bytes of {@code text}, for constants compared with {@link #equalsAt}.
     *
     * @param text ASCII text
     * @return its bytes
     */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Whether {@code bytes[from, to)} holds exactly {@code expected}.
     *
     * @param bytes the buffer to look in, by absolute index
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @param expected the bytes to compare with
     * @return {@code true} on an exact match
     */
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

    /**
     * Index of the first space in {@code bytes[from, to)}, or {@code to} if there is none.
     *
     * @param bytes the buffer to look in, by absolute index
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @return the index of the space, or {@code to}
     */
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
     *
     * @param bytes the buffer to look in, by absolute index
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @return {@code true} if the bytes are a decimal {@code long} in range
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

    /**
     * The value of {@code bytes[from, to)}, which {@link #isDecimalLong} must have accepted.
     *
     * @param bytes the buffer to read, by absolute index
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @return the number the bytes spell
     */
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

    /**
     * Writes {@code value} in decimal at {@code out}'s position; needs {@link #MAX_LONG_CHARS} room.
     *
     * @param out the buffer to write to; its position moves past the digits
     * @param value the number to write
     */
    public static void writeLong(ByteBuffer out, long value) {
        if (value == Long.MIN_VALUE) {
            out.put(MIN_VALUE_BYTES);
            return;
        }
        int position = out.position();
        if (value < 0) {
            out.put(position++, (byte) '-');
            value = -value;
        }
        int end = position + digits(value);
        int i = end;
        // Two digits per division, from a table, as Long.toString does: every guess reply goes
        // through here, and a 19-digit guess written a digit at a time took half of a session's
        // round trip (38 long divisions).
        while (value >= 100) {
            long quotient = value / 100;
            int pair = (int) (value - quotient * 100);
            value = quotient;
            out.put(--i, PAIR_ONES[pair]);
            out.put(--i, PAIR_TENS[pair]);
        }
        int last = (int) value;
        out.put(--i, PAIR_ONES[last]);
        if (last >= 10) {
            out.put(--i, PAIR_TENS[last]);
        }
        out.position(end);
    }

    /** Decimal digits of a non-negative {@code value}, by comparison rather than division. */
    private static int digits(long value) {
        long bound = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (value < bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }

    /** The tens and the ones digit of each number from 0 to 99, as ASCII. */
    private static final byte[] PAIR_TENS = new byte[100];
    private static final byte[] PAIR_ONES = new byte[100];

    static {
        for (int pair = 0; pair < 100; pair++) {
            PAIR_TENS[pair] = (byte) ('0' + pair / 10);
            PAIR_ONES[pair] = (byte) ('0' + pair % 10);
        }
    }

    private static final byte[] MIN_VALUE_BYTES = bytes(Long.toString(Long.MIN_VALUE));
}
