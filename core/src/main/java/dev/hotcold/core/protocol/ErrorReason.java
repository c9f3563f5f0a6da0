package dev.hotcold.core.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every reason a hotcold server gives in an {@code ERROR <reason>} reply. PROTOCOL.md lists them
 * with the input that causes each.
 *
 * <p>Reasons are fixed phrases: they never echo the client's input back, so a reply is always
 * short and plain ASCII whatever the client sent.
 */
public enum ErrorReason {
    /** A line with no characters; the connection stays open and the game goes on. */
    EMPTY_LINE("empty line"),
    /** The first word is not PARAMS, NUMBER, REPORT or CLEAR (names are case-sensitive). */
    UNKNOWN_COMMAND("unknown command"),
    /** PARAMS without exactly two arguments. */
    PARAMS_USAGE("usage: PARAMS <lower> <upper>"),
    /** NUMBER with arguments. */
    NUMBER_USAGE("usage: NUMBER"),
    /** REPORT without exactly one argument. */
    REPORT_USAGE("usage: REPORT Warmer|Colder|Same|Unsure|Correct"),
    /** CLEAR with arguments. */
    CLEAR_USAGE("usage: CLEAR"),
    /** A PARAMS bound that is not a decimal integer within the signed 64-bit range. */
    BAD_BOUND("bound is not a 64-bit integer"),
    /** PARAMS whose lower bound is greater than its upper bound. */
    EMPTY_RANGE("lower bound is above upper bound"),
    /** REPORT with a word that is not one of the five decisions. */
    UNKNOWN_DECISION("unknown decision"),
    /** NUMBER or REPORT before any PARAMS, or after CLEAR. */
    NO_GAME("no game in progress"),
    /** REPORT when no guess has been sent since the last REPORT. */
    NO_GUESS("no guess to report on"),
    /** NUMBER when every number in the range has been guessed. */
    RANGE_EXHAUSTED("range exhausted"),
    /** A line longer than the server's maximum line length; the line is dropped. */
    LINE_TOO_LONG("line too long"),
    /**
     * A line did not arrive whole within the server's line timeout after its first byte; the
     * server closes the connection after this line.
     */
    LINE_TIMEOUT("line timeout"),
    /** The server is at its connection limit; it closes the connection after this line. */
    SERVER_BUSY("server busy"),
    /** The server's guess strategy failed (a bug in a custom strategy); the game can go on. */
    INTERNAL_ERROR("internal error");

    private static final ErrorReason[] VALUES = values();

    private final String text;

    ErrorReason(String text) {
        this.text = text;
    }

    /**
     * The reason's fixed phrase.
     *
     * @return the text as it appears after {@code ERROR }, for example {@code range exhausted}
     */
    public String text() {
        return text;
    }

    /**
     * The whole reply as it goes on the wire.
     *
     * @return {@code ERROR <reason>} and its line feed as ASCII bytes, in a fresh array
     */
    public byte[] replyBytes() {
        return ("ERROR " + text + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Looks a reason up by its phrase.
     *
     * @param text the text after {@code ERROR }
     * @return the reason whose phrase is {@code text}, or empty if it is not one of hotcold's
     */
    public static Optional<ErrorReason> fromText(String text) {
        for (ErrorReason reason : VALUES) {
            if (reason.text.equals(text)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

}
