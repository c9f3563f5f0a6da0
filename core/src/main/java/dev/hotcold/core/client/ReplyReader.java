package dev.hotcold.core.client;

import dev.hotcold.core.framing.LineFramer;
import dev.hotcold.core.framing.LineHandler;
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
    private final Capture capture = new Capture();

    public ReplyReader() {
        this(DEFAULT_MAX_REPLY_LENGTH);
    }

    public ReplyReader(int maxReplyLength) {
        this.framer = new LineFramer(maxReplyLength);
    }

    /**
     * The next reply in {@code in}, consuming its bytes; or null when {@code in} ran out before a
     * line ended, in which case all of it was consumed and the partial line is kept.
     */
    public Reply next(ByteBuffer in) {
        capture.reply = null;
        if (!framer.next(in, capture)) {
            return null;
        }
        Reply reply = capture.reply;
        capture.reply = null;
        return reply;
    }

    private static final class Capture implements LineHandler {
        private static final Reply TOO_LONG = new Reply.Unreadable("(a line too long to read)");
        Reply reply;

        @Override
        public void onLine(ByteBuffer bytes, int from, int to) {
            reply = Reply.parse(bytes.duplicate().limit(to).position(from));
        }

        @Override
        public void onLineTooLong() {
            reply = TOO_LONG;
        }
    }
}
