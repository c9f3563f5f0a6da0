package dev.hotcold.core.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A line from a server, as a client reads it: a guess, an error, or something unreadable.
 * {@link dev.hotcold.core.codec.ReplyParser} reads one from bytes and never throws; a client decides
 * what an error or an unreadable line means to it.
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
}
