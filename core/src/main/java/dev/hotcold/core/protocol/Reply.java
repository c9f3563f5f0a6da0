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

    /** The server's answer to {@code NUMBER}: its guess. */
    record Guess(long number) implements Reply {}

    /** {@code ERROR <reason>}: the server rejected a command. */
    record Error(String reason) implements Reply {
        public Error {
            Objects.requireNonNull(reason, "reason");
        }

        /** The reason as one of hotcold's own, if the server is a hotcold server. */
        public Optional<ErrorReason> knownReason() {
            return ErrorReason.fromText(reason);
        }
    }

    /** A line that is neither a number nor an {@code ERROR} line. */
    record Unreadable(String line) implements Reply {
        public Unreadable {
            Objects.requireNonNull(line, "line");
        }
    }

    /** Parses one server line given as text, without its terminator. */
    static Reply parse(String line) {
        Objects.requireNonNull(line, "line");
        return parse(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), line);
    }

    /** Parses the remaining bytes of {@code line}, without its terminator; the buffer is not moved. */
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
