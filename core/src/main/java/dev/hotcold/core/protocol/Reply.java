package dev.hotcold.core.protocol;

import dev.hotcold.core.spi.Ascii;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A line from a server, as a client reads it: a guess, an error, or something unreadable.
 * Parsing never throws; a client decides what an error or an unreadable line means to it.
 */
public sealed interface Reply permits Reply.Guess, Reply.Error, Reply.Unreadable {

    /**
     * The server's answer to {@code NUMBER}: its guess.
     *
     * @param number the number guessed
     */
    record Guess(long number) implements Reply {}

    /**
     * {@code ERROR <reason>}: the server rejected a command.
     *
     * @param reason the text after {@code ERROR }, empty if there was none
     */
    record Error(String reason) implements Reply {
        /**
         * Checks that there is a reason, if only an empty one.
         *
         * @throws NullPointerException if {@code reason} is null
         */
        public Error {
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * The reason as one of hotcold's own.
         *
         * @return the reason, or empty if the text is not one a hotcold server gives
         */
        public Optional<ErrorReason> knownReason() {
            return ErrorReason.fromText(reason);
        }
    }

    /**
     * A line that is neither a number nor an {@code ERROR} line.
     *
     * @param line the line as received, without its terminator
     */
    record Unreadable(String line) implements Reply {
        /**
         * Checks that there is a line.
         *
         * @throws NullPointerException if {@code line} is null
         */
        public Unreadable {
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * Parses one server line given as text.
     *
     * @param line the line without its terminator
     * @return what the line says; never throws on any text
     */
    static Reply parse(String line) {
        Objects.requireNonNull(line, "line");
        return parse(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), line);
    }

    /**
     * Parses one server line given as bytes; the buffer's position and limit are not changed.
     *
     * @param line holds the line, without its terminator, between its position and limit
     * @return what the line says; never throws on any bytes
     */
    static Reply parse(ByteBuffer line) {
        return parse(line, null);
    }

    private static Reply parse(ByteBuffer bytes, String text) {
        int from = bytes.position();
        int to = bytes.limit();
        if (Ascii.isDecimalLong(bytes, from, to)) {
            return new Guess(Ascii.parseDecimalLong(bytes, from, to));
        }
        String line = text != null ? text : decode(bytes, from, to);
        if (line.equals("ERROR")) {
            return new Error("");
        }
        if (line.startsWith("ERROR ")) {
            return new Error(line.substring("ERROR ".length()));
        }
        return new Unreadable(line);
    }

    private static String decode(ByteBuffer bytes, int from, int to) {
        byte[] copy = new byte[to - from];
        bytes.get(from, copy);
        return new String(copy, StandardCharsets.UTF_8);
    }
}
