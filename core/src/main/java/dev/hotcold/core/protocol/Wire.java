package dev.hotcold.core.protocol;

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

    static {
        int longest = Ascii.MAX_LONG_CHARS + 1;
        for (ErrorReason reason : ErrorReason.values()) {
            longest = Math.max(longest, reason.line().length);
        }
        MAX_REPLY_BYTES = longest;
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
        out.put(reason.line());
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
            case Command.Report(Decision decision) -> out.put(decision.reportLine());
            case Command.Clear ignored -> out.put(CLEAR_LINE);
        }
    }
}
