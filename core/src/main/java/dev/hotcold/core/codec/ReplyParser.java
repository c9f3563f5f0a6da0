package dev.hotcold.core.codec;

import dev.hotcold.core.protocol.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads one server line as a {@link Reply}: a decimal {@code long} is a guess, {@code ERROR} or
 * {@code ERROR <reason>} an error, anything else unreadable. Never throws on any input; a guess
 * is read without allocating more than its record.
 *
 * <pre>{@code
 * Reply reply = ReplyParser.parse("ERROR server busy");   // new Reply.Error("server busy")
 * }</pre>
 */
public final class ReplyParser {
    private static final String ERROR = "ERROR";
    private static final String ERROR_PREFIX = "ERROR ";

    private ReplyParser() {}

    /**
     * Parses one server line given as text.
     *
     * @param line the line without its terminator
     * @return what the line says
     */
    public static Reply parse(String line) {
        Objects.requireNonNull(line, "line");
        return parse(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), line);
    }

    /**
     * Parses one server line given as bytes; the buffer's position and limit are not changed.
     *
     * @param line holds the line, without its terminator, between its position and limit
     * @return what the line says
     */
    public static Reply parse(ByteBuffer line) {
        return parse(line, null);
    }

    private static Reply parse(ByteBuffer bytes, String text) {
        int from = bytes.position();
        int to = bytes.limit();
        if (Ascii.isDecimalLong(bytes, from, to)) {
            return new Reply.Guess(Ascii.parseDecimalLong(bytes, from, to));
        }
        String line = text != null ? text : decode(bytes, from, to);
        if (line.equals(ERROR)) {
            return new Reply.Error("");
        }
        if (line.startsWith(ERROR_PREFIX)) {
            return new Reply.Error(line.substring(ERROR_PREFIX.length()));
        }
        return new Reply.Unreadable(line);
    }

    private static String decode(ByteBuffer bytes, int from, int to) {
        byte[] copy = new byte[to - from];
        bytes.get(from, copy);
        return new String(copy, StandardCharsets.UTF_8);
    }
}
