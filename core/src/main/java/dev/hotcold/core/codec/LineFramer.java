package dev.hotcold.core.codec;

import java.nio.ByteBuffer;

/**
 * Splits a byte stream into lines, pull-style (as Netty's {@code LineBasedFrameDecoder.decode}):
 * each {@link #next} call returns the next line, an over-long line, or "need more bytes".
 *
 * <p>A line ends at {@code \n}; a {@code \r} just before it is part of the terminator, so both LF
 * and CRLF work. A line whose content (terminator excluded) is longer than {@code maxLineLength}
 * bytes is reported once as {@link Frame#LINE_TOO_LONG} as soon as that is certain, and its bytes
 * are dropped up to the next {@code \n}. What comes out does not depend on how the input is split
 * into chunks.
 *
 * <p>Whole lines are handed over in place, without copying: after {@link Frame#LINE} the line is
 * {@link #lineBuffer()}{@code [}{@link #lineStart()}{@code , }{@link #lineEnd()}{@code )}, valid
 * until the next call. Only a line split across chunks is gathered in a buffer, which grows on
 * demand to at most {@code maxLineLength + 1} bytes. A framer belongs to one connection and is not
 * thread-safe.
 *
 * <pre>{@code
 * LineFramer framer = new LineFramer(1024);
 * for (Frame frame; (frame = framer.next(input)) != Frame.NEED_MORE_BYTES; ) {
 *     if (frame == Frame.LINE) {
 *         handle(framer.lineBuffer(), framer.lineStart(), framer.lineEnd());
 *     }
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
    /** Lines whose line feed has been consumed: delivered, or dropped as too long. */
    private long linesEnded;
    private ByteBuffer lineBuffer;
    private int lineStart;
    private int lineEnd;

    /** What {@link #next} found. */
    public enum Frame {
        /** A complete line: see {@link #lineBuffer()}, {@link #lineStart()}, {@link #lineEnd()}. */
        LINE,
        /** A line passed the maximum length; it is dropped up to and including its {@code \n}. */
        LINE_TOO_LONG,
        /** The input ran out before a line ended: all of it was consumed, a partial line is kept. */
        NEED_MORE_BYTES
    }

    /**
     * A framer that holds no partial line yet.
     *
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

    /**
     * The limit this framer enforces.
     *
     * @return the most content bytes a line may have
     */
    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * Bytes of an unfinished line held from earlier chunks.
     *
     * @return the number of bytes buffered
     */
    public int bufferedBytes() {
        return partialLength;
    }

    /**
     * Whether a line has begun and its line feed has not come yet: bytes of it are kept, or it was
     * too long and is being dropped up to its line feed.
     *
     * @return {@code true} while a line is in progress
     */
    public boolean lineInProgress() {
        return partialLength > 0 || discarding;
    }

    /**
     * How many lines have ended so far, their line feed consumed, whether they were delivered or
     * dropped as too long. A caller timing lines compares it before and after {@link #next}.
     *
     * @return the count of ended lines
     */
    public long linesEnded() {
        return linesEnded;
    }

    /**
     * After {@link Frame#LINE}: the buffer holding the line (the input, or the framer's own).
     *
     * @return the buffer holding the last line
     */
    public ByteBuffer lineBuffer() {
        return lineBuffer;
    }

    /**
     * After {@link Frame#LINE}: where the line starts in {@link #lineBuffer()}.
     *
     * @return the line's first index, absolute
     */
    public int lineStart() {
        return lineStart;
    }

    /**
     * After {@link Frame#LINE}: where the line ends in {@link #lineBuffer()}, terminator excluded.
     *
     * @return the index just past the line's last content byte, absolute
     */
    public int lineEnd() {
        return lineEnd;
    }

    /**
     * Consumes {@code in} up to the end of the next line and says what it found. Read absolute
     * positions of a {@link Frame#LINE} before the next call, and do not keep the buffer.
     *
     * @param in the received bytes; its position moves past what was consumed
     * @return what the framer found
     */
    public Frame next(ByteBuffer in) {
        int position = in.position();
        int limit = in.limit();
        if (discarding) {
            int lf = indexOfLf(in, position, limit);
            if (lf < 0) {
                in.position(limit);
                return Frame.NEED_MORE_BYTES;
            }
            discarding = false;
            linesEnded++;
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
            linesEnded++;
            return deliver(in, position, lf);
        }
        if (scanEnd - position == budget) {
            in.position(scanEnd);
            partialLength = 0;
            discarding = true;
            return Frame.LINE_TOO_LONG;
        }
        append(in, position, limit);
        in.position(limit);
        return Frame.NEED_MORE_BYTES;
    }

    /** Points at the line made of the partial bytes and {@code in[from, lf)}. */
    private Frame deliver(ByteBuffer in, int from, int lf) {
        int length = partialLength + (lf - from);
        boolean crlf = length > 0 && lastByteBefore(in, from, lf) == CR;
        int contentLength = crlf ? length - 1 : length;
        if (contentLength > maxLineLength) {
            partialLength = 0;
            return Frame.LINE_TOO_LONG;
        }
        if (partialLength == 0) {
            return line(in, from, from + contentLength);
        }
        append(in, from, lf);
        partialLength = 0;
        return line(partialView, 0, contentLength);
    }

    private Frame line(ByteBuffer buffer, int start, int end) {
        lineBuffer = buffer;
        lineStart = start;
        lineEnd = end;
        return Frame.LINE;
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
