package dev.hotcold.core.framing;

import java.nio.ByteBuffer;

/**
 * Splits a byte stream into lines: bytes in, lines out.
 *
 * <p>A line ends at {@code \n}; a {@code \r} just before it is part of the terminator, so both LF
 * and CRLF work. A line whose content (terminator excluded) is longer than {@code maxLineLength}
 * bytes is reported once through {@link LineHandler#onLineTooLong()} as soon as that is certain,
 * and its bytes are dropped up to the next {@code \n}. What the handler sees does not depend on
 * how the input is split into chunks.
 *
 * <p>Whole lines are handed over in place, without copying; only a line split across chunks is
 * gathered in a buffer, which grows on demand to at most {@code maxLineLength + 1} bytes. A
 * framer belongs to one connection and is not thread-safe.
 *
 * <pre>{@code
 * LineFramer framer = new LineFramer(1024);
 * while (framer.next(input, handler)) {
 *     // one line, or one over-long line, was handed to the handler
 * }
 * // input is now empty; a partial line, if any, is kept for the next chunk
 * }</pre>
 */
public final class LineFramer {
    /** The default limit on a line's length in bytes, terminator excluded. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1024;

    /** The largest limit accepted, so that internal sizes cannot overflow. */
    public static final int MAX_MAX_LINE_LENGTH = 1 << 24;

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final int INITIAL_PARTIAL_CAPACITY = 64;

    private final int maxLineLength;
    private byte[] partial;
    private ByteBuffer partialView;
    private int partialLength;
    private boolean discarding;

    /**
     * @param maxLineLength the most content bytes a line may have, terminator excluded
     * @throws IllegalArgumentException if it is below 1 or above {@link #MAX_MAX_LINE_LENGTH}
     */
    public LineFramer(int maxLineLength) {
        if (maxLineLength < 1 || maxLineLength > MAX_MAX_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength must be in [1, "
                    + MAX_MAX_LINE_LENGTH + "], was " + maxLineLength);
        }
        this.maxLineLength = maxLineLength;
    }

    /** The limit this framer enforces. */
    public int maxLineLength() {
        return maxLineLength;
    }

    /** Bytes of an unfinished line held from earlier chunks. */
    public int bufferedBytes() {
        return partialLength;
    }

    /**
     * Consumes {@code in} up to the end of the next line and hands that line, or the news that it
     * was too long, to {@code handler}.
     *
     * @return true if the handler was called once; false if {@code in} ran out first, in which
     *     case all of it was consumed and an unfinished line is kept
     */
    public boolean next(ByteBuffer in, LineHandler handler) {
        int position = in.position();
        int limit = in.limit();
        if (discarding) {
            int lf = indexOfLf(in, position, limit);
            if (lf < 0) {
                in.position(limit);
                return false;
            }
            discarding = false;
            position = lf + 1;
            in.position(position);
        }
        // Line bytes before the LF (a CR included) may reach maxLineLength + 1; at + 2 the content
        // is certainly too long, so there is no need to look further.
        int budget = maxLineLength + 2 - partialLength;
        int scanEnd = (int) Math.min(limit, (long) position + budget);
        int lf = indexOfLf(in, position, scanEnd);
        if (lf >= 0) {
            in.position(lf + 1);
            return deliver(in, position, lf, handler);
        }
        if (scanEnd - position == budget) {
            in.position(scanEnd);
            partialLength = 0;
            discarding = true;
            handler.onLineTooLong();
            return true;
        }
        append(in, position, limit);
        in.position(limit);
        return false;
    }

    /** Hands over the line made of the partial bytes and {@code in[from, lf)}. */
    private boolean deliver(ByteBuffer in, int from, int lf, LineHandler handler) {
        int length = partialLength + (lf - from);
        boolean crlf = length > 0 && lastByteBefore(in, from, lf) == CR;
        int contentLength = crlf ? length - 1 : length;
        if (contentLength > maxLineLength) {
            partialLength = 0;
            handler.onLineTooLong();
            return true;
        }
        if (partialLength == 0) {
            handler.onLine(in, from, from + contentLength);
            return true;
        }
        append(in, from, lf);
        partialLength = 0;
        handler.onLine(partialView, 0, contentLength);
        return true;
    }

    private byte lastByteBefore(ByteBuffer in, int from, int lf) {
        return lf > from ? in.get(lf - 1) : partial[partialLength - 1];
    }

    private void append(ByteBuffer in, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return;
        }
        int needed = partialLength + count;
        if (partial == null || partial.length < needed) {
            int capacity = Math.max(needed, partial == null ? INITIAL_PARTIAL_CAPACITY : partial.length * 2);
            byte[] grown = new byte[Math.min(capacity, maxLineLength + 1)];
            if (partialLength > 0) {
                System.arraycopy(partial, 0, grown, 0, partialLength);
            }
            partial = grown;
            partialView = ByteBuffer.wrap(grown);
        }
        in.get(from, partial, partialLength, count);
        partialLength = needed;
    }

    private static int indexOfLf(ByteBuffer in, int from, int to) {
        for (int i = from; i < to; i++) {
            if (in.get(i) == LF) {
                return i;
            }
        }
        return -1;
    }
}
