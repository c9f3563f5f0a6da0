package dev.hotcold.core.codec;

import dev.hotcold.core.protocol.Reply;
import java.nio.ByteBuffer;

/**
 * Turns the bytes a server sends into {@link Reply}s: a {@link LineFramer} and the reply parser,
 * for client connections of any transport. A line longer than the limit comes out as
 * {@link Reply.Unreadable}. One per connection; not thread-safe.
 */
public final class ReplyReader {
    /** Far more than any reply needs (the longest is under 64 bytes), so foreign servers fit. */
    public static final int DEFAULT_MAX_REPLY_LENGTH = 1024;

    private final LineFramer framer;
    private static final Reply TOO_LONG = new Reply.Unreadable("(a line too long to read)");
    /** What a plain-text client makes of a TLS server's first bytes (an alert, a handshake record). */
    private static final Reply TLS_RECORD = new Reply.Unreadable("(a TLS record: the server speaks TLS; connect with TLS)");
    /** The first two bytes of the stream, as far as they came; for {@link #startedLikeTls()}. */
    private int first = -1;
    private int second = -1;
    private boolean answeredLine;

    /** A reader that accepts reply lines up to {@link #DEFAULT_MAX_REPLY_LENGTH} bytes. */
    public ReplyReader() {
        this(DEFAULT_MAX_REPLY_LENGTH);
    }

    /**
     * A reader that accepts reply lines up to {@code maxReplyLength} bytes, terminator excluded.
     *
     * @param maxReplyLength the longest reply line read as a reply; longer ones come out unreadable
     */
    public ReplyReader(int maxReplyLength) {
        this.framer = new LineFramer(maxReplyLength);
    }

    /** What {@link #read} found in the bytes it was given. */
    public enum Line {
        /** A guess: its number is {@link #guess()}; no object was made for it. */
        GUESS,
        /** Any other reply, an {@code ERROR} or an unreadable line: it is {@link #otherReply()}. */
        OTHER,
        /** The bytes ran out before a line ended: all of them were consumed, the partial line is kept. */
        NEED_MORE_BYTES
    }

    private long guess;
    private Reply otherReply;

    /**
     * The next reply in {@code in}, consuming its bytes; or null when {@code in} ran out before a
     * line ended, in which case all of it was consumed and the partial line is kept. A guess
     * comes out as a new {@link Reply.Guess}: {@link #read} gives it without one.
     *
     * @param in the server's bytes; its position moves past what was consumed
     * @return the reply, or null if no line is complete yet
     */
    public Reply next(ByteBuffer in) {
        return switch (read(in)) {
            case GUESS -> new Reply.Guess(guess);
            case OTHER -> otherReply;
            case NEED_MORE_BYTES -> null;
        };
    }

    /**
     * Reads the next reply in {@code in}, as {@link #next} does, without making an object for a
     * guess: the allocation-free way for a client's read loop. What was read stays available from
     * {@link #guess()} or {@link #otherReply()} until the next call.
     *
     * @param in the server's bytes; its position moves past what was consumed
     * @return what kind of line was read, or that no line is complete yet
     */
    public Line read(ByteBuffer in) {
        otherReply = null;
        if (second < 0 && in.hasRemaining()) {
            if (first < 0) {
                first = in.get(in.position()) & 0xff;
                if (in.remaining() > 1) {
                    second = in.get(in.position() + 1) & 0xff;
                }
            } else {
                second = in.get(in.position()) & 0xff;
            }
        }
        Line line = switch (framer.next(in)) {
            case LINE -> !answeredLine && startedLikeTls()
                    ? other(TLS_RECORD)
                    : parseLine(framer.lineBuffer(), framer.lineStart(), framer.lineEnd());
            case LINE_TOO_LONG -> other(TOO_LONG);
            case NEED_MORE_BYTES -> Line.NEED_MORE_BYTES;
        };
        answeredLine |= line != Line.NEED_MORE_BYTES;
        return line;
    }

    /**
     * The number of the guess the last {@link #read} returned {@link Line#GUESS} for.
     *
     * @return the guess
     * @throws IllegalStateException if the last read was not a guess
     */
    public long guess() {
        if (otherReply != null) {
            throw new IllegalStateException("the last line read was not a guess: " + otherReply);
        }
        return guess;
    }

    /**
     * The reply the last {@link #read} returned {@link Line#OTHER} for.
     *
     * @return the error or unreadable line, or null if the last read found no such line
     */
    public Reply otherReply() {
        return otherReply;
    }

    private Line other(Reply reply) {
        otherReply = reply;
        return Line.OTHER;
    }

    /**
     * Whether the server's first bytes were the start of a TLS record (an alert or a handshake
     * message, as a TLS server sends to a client that spoke plain text), so that a client can say
     * "connect with TLS" rather than only that the server broke the protocol or closed.
     *
     * @return {@code true} if the stream began with a TLS record header
     */
    public boolean startedLikeTls() {
        return (first == 0x15 || first == 0x16) && second == 0x03;
    }

    /**
     * Reads {@code buffer[start, end)} in place: a guess into {@link #guess}, anything else through
     * the reply parser, with the buffer's bounds narrowed to the line and then put back.
     */
    private Line parseLine(ByteBuffer buffer, int start, int end) {
        if (Ascii.isDecimalLong(buffer, start, end)) {
            guess = Ascii.parseDecimalLong(buffer, start, end);
            return Line.GUESS;
        }
        int position = buffer.position();
        int limit = buffer.limit();
        try {
            return other(ReplyParser.parse(buffer.limit(end).position(start)));
        } finally {
            buffer.limit(limit).position(position);
        }
    }
}
