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

    /**
     * The next reply in {@code in}, consuming its bytes; or null when {@code in} ran out before a
     * line ended, in which case all of it was consumed and the partial line is kept.
     *
     * @param in the server's bytes; its position moves past what was consumed
     * @return the reply, or null if no line is complete yet
     */
    public Reply next(ByteBuffer in) {
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
        Reply reply = switch (framer.next(in)) {
            case LINE -> !answeredLine && startedLikeTls()
                    ? TLS_RECORD
                    : parseLine(framer.lineBuffer(), framer.lineStart(), framer.lineEnd());
            case LINE_TOO_LONG -> TOO_LONG;
            case NEED_MORE_BYTES -> null;
        };
        answeredLine |= reply != null;
        return reply;
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
     * Parses {@code buffer[start, end)} in place: the buffer's bounds are narrowed to the line and
     * then put back, rather than making a view of it for every reply.
     */
    private static Reply parseLine(ByteBuffer buffer, int start, int end) {
        int position = buffer.position();
        int limit = buffer.limit();
        try {
            return ReplyParser.parse(buffer.limit(end).position(start));
        } finally {
            buffer.limit(limit).position(position);
        }
    }
}
