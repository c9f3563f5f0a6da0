package dev.hotcold.core.codec;

import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import java.nio.ByteBuffer;

/**
 * Writes protocol lines as ASCII bytes, each with its {@code \n}, into a caller's buffer without
 * allocating. The sizes below let a caller make room before writing.
 */
public final class Wire {
    /** The most bytes one server reply takes, line feed included. */
    public static final int MAX_REPLY_BYTES;

    /** The most bytes one client command takes, line feed included (PARAMS with two extreme bounds). */
    // A constant expression (no String.length()), so that other constants and {@value} can use it:
    // "PARAMS", a space, a long, a space, a long, the line feed.
    public static final int MAX_COMMAND_BYTES = 6 + 1 + Ascii.MAX_LONG_CHARS + 1 + Ascii.MAX_LONG_CHARS + 1;

    /** {@code ERROR <text>\n} by reason ordinal, {@code REPORT <word>\n} and the bare word by decision ordinal. */
    private static final byte[][] ERROR_LINES;
    private static final byte[][] REPORT_LINES;
    private static final byte[][] DECISION_WORDS;
    private static final Decision[] DECISIONS = Decision.values();

    static {
        ErrorReason[] reasons = ErrorReason.values();
        ERROR_LINES = new byte[reasons.length][];
        int longest = Ascii.MAX_LONG_CHARS + 1;
        for (ErrorReason reason : reasons) {
            ERROR_LINES[reason.ordinal()] = Ascii.bytes("ERROR " + reason.text() + "\n");
            longest = Math.max(longest, ERROR_LINES[reason.ordinal()].length);
        }
        MAX_REPLY_BYTES = longest;
        REPORT_LINES = new byte[DECISIONS.length][];
        DECISION_WORDS = new byte[DECISIONS.length][];
        for (Decision decision : DECISIONS) {
            REPORT_LINES[decision.ordinal()] = Ascii.bytes("REPORT " + decision.wireName() + "\n");
            DECISION_WORDS[decision.ordinal()] = Ascii.bytes(decision.wireName());
        }
    }

    private static final byte[] NUMBER_LINE = Ascii.bytes("NUMBER\n");
    private static final byte[] CLEAR_LINE = Ascii.bytes("CLEAR\n");
    private static final byte[] PARAMS_PREFIX = Ascii.bytes("PARAMS ");

    private Wire() {}

    /**
     * Writes a guess reply: the number in decimal and a line feed.
     *
     * @param out the buffer written at its position, with room for {@link #MAX_REPLY_BYTES}
     * @param guess the number guessed
     */
    public static void writeGuess(ByteBuffer out, long guess) {
        Ascii.writeLong(out, guess);
        out.put(Ascii.NEWLINE);
    }

    /**
     * Writes an error reply: {@code ERROR <reason>} and a line feed.
     *
     * @param out the buffer written at its position, with room for {@link #MAX_REPLY_BYTES}
     * @param reason why the command was rejected
     */
    public static void writeError(ByteBuffer out, ErrorReason reason) {
        out.put(ERROR_LINES[reason.ordinal()]);
    }

    /**
     * Writes a command and a line feed.
     *
     * @param out the buffer written at its position, with room for {@link #MAX_COMMAND_BYTES}
     * @param command the command to send
     */
    public static void writeCommand(ByteBuffer out, Command command) {
        switch (command) {
            case Command.Params(long lower, long upper) -> {
                out.put(PARAMS_PREFIX);
                Ascii.writeLong(out, lower);
                out.put(Ascii.SPACE);
                Ascii.writeLong(out, upper);
                out.put(Ascii.NEWLINE);
            }
            case Command.NumberRequest ignored -> out.put(NUMBER_LINE);
            case Command.Report(Decision decision) -> out.put(REPORT_LINES[decision.ordinal()]);
            case Command.Clear ignored -> out.put(CLEAR_LINE);
        }
    }

    /**
     * The decision whose wire name is the ASCII text in {@code bytes[from, to)}, compared
     * case-sensitively, or null: for the parser's hot path, which allocates nothing.
     */
    static Decision decisionAt(ByteBuffer bytes, int from, int to) {
        for (Decision decision : DECISIONS) {
            if (Ascii.equalsAt(bytes, from, to, DECISION_WORDS[decision.ordinal()])) {
                return decision;
            }
        }
        return null;
    }
}
