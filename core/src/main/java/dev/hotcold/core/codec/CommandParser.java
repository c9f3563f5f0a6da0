package dev.hotcold.core.codec;

import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.protocol.InvalidLine;
import dev.hotcold.core.protocol.ParsedLine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Parses client lines into {@link Command}s, or says precisely why a line is not one.
 *
 * <p>The grammar is the protocol's: words separated by single spaces, command names and decisions
 * case-sensitive, bounds in decimal with an optional sign. Anything else, including extra or
 * trailing spaces, tabs and non-ASCII bytes, is an {@link InvalidLine}. Parsing never throws and
 * allocates nothing but the {@code PARAMS} record.
 *
 * <pre>{@code
 * switch (CommandParser.parse("PARAMS 1 5")) {
 *     case Command.Params(long lower, long upper) -> startGame(lower, upper);
 *     case Command command -> handle(command);
 *     case InvalidLine(ErrorReason reason) -> reject(reason);
 * }
 * }</pre>
 */
public final class CommandParser {
    private static final byte[] PARAMS = Ascii.bytes("PARAMS");
    private static final byte[] NUMBER = Ascii.bytes("NUMBER");
    private static final byte[] REPORT = Ascii.bytes("REPORT");
    private static final byte[] CLEAR = Ascii.bytes("CLEAR");

    private static final InvalidLine EMPTY_LINE = new InvalidLine(ErrorReason.EMPTY_LINE);
    private static final InvalidLine UNKNOWN_COMMAND = new InvalidLine(ErrorReason.UNKNOWN_COMMAND);
    private static final InvalidLine PARAMS_USAGE = new InvalidLine(ErrorReason.PARAMS_USAGE);
    private static final InvalidLine NUMBER_USAGE = new InvalidLine(ErrorReason.NUMBER_USAGE);
    private static final InvalidLine REPORT_USAGE = new InvalidLine(ErrorReason.REPORT_USAGE);
    private static final InvalidLine CLEAR_USAGE = new InvalidLine(ErrorReason.CLEAR_USAGE);
    private static final InvalidLine BAD_BOUND = new InvalidLine(ErrorReason.BAD_BOUND);
    private static final InvalidLine EMPTY_RANGE = new InvalidLine(ErrorReason.EMPTY_RANGE);
    private static final InvalidLine UNKNOWN_DECISION = new InvalidLine(ErrorReason.UNKNOWN_DECISION);

    private CommandParser() {}

    /**
     * Parses one line given as text.
     *
     * @param line the line without its terminator
     * @return the command, or why the line is not one
     */
    public static ParsedLine parse(String line) {
        Objects.requireNonNull(line, "line");
        // UTF-8 keeps non-ASCII characters as non-ASCII bytes, which the grammar rejects.
        return parse(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Parses one line given as bytes; the buffer's position and limit are not changed.
     *
     * @param line holds the line, without its terminator, between its position and limit
     * @return the command, or why the line is not one
     */
    public static ParsedLine parse(ByteBuffer line) {
        return parse(line, line.position(), line.limit());
    }

    /**
     * Parses one line held at absolute indices of a buffer: the buffer's position and limit are
     * neither used nor changed.
     *
     * @param bytes the buffer that holds the line
     * @param from the index of the line's first byte
     * @param to the index just past its last byte, the terminator excluded
     * @return the command, or why the line is not one
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within the buffer's capacity
     */
    public static ParsedLine parse(ByteBuffer bytes, int from, int to) {
        Objects.checkFromToIndex(from, to, bytes.capacity());
        if (from == to) {
            return EMPTY_LINE;
        }
        int nameEnd = Ascii.indexOfSpace(bytes, from, to);
        if (Ascii.equalsAt(bytes, from, nameEnd, NUMBER)) {
            return nameEnd == to ? Command.NumberRequest.INSTANCE : NUMBER_USAGE;
        }
        if (Ascii.equalsAt(bytes, from, nameEnd, REPORT)) {
            return parseReport(bytes, nameEnd, to);
        }
        if (Ascii.equalsAt(bytes, from, nameEnd, PARAMS)) {
            return parseParams(bytes, nameEnd, to);
        }
        if (Ascii.equalsAt(bytes, from, nameEnd, CLEAR)) {
            return nameEnd == to ? Command.Clear.INSTANCE : CLEAR_USAGE;
        }
        return UNKNOWN_COMMAND;
    }

    private static ParsedLine parseReport(ByteBuffer bytes, int nameEnd, int to) {
        if (nameEnd == to) {
            return REPORT_USAGE;
        }
        int wordStart = nameEnd + 1;
        if (Ascii.indexOfSpace(bytes, wordStart, to) != to) {
            return REPORT_USAGE;
        }
        Decision decision = Wire.decisionAt(bytes, wordStart, to);
        return decision == null ? UNKNOWN_DECISION : Command.Report.of(decision);
    }

    private static ParsedLine parseParams(ByteBuffer bytes, int nameEnd, int to) {
        if (nameEnd == to) {
            return PARAMS_USAGE;
        }
        int lowerStart = nameEnd + 1;
        int lowerEnd = Ascii.indexOfSpace(bytes, lowerStart, to);
        if (lowerEnd == to) {
            return PARAMS_USAGE;
        }
        int upperStart = lowerEnd + 1;
        if (Ascii.indexOfSpace(bytes, upperStart, to) != to) {
            return PARAMS_USAGE;
        }
        if (!Ascii.isDecimalLong(bytes, lowerStart, lowerEnd)
                || !Ascii.isDecimalLong(bytes, upperStart, to)) {
            return BAD_BOUND;
        }
        long lower = Ascii.parseDecimalLong(bytes, lowerStart, lowerEnd);
        long upper = Ascii.parseDecimalLong(bytes, upperStart, to);
        return lower > upper ? EMPTY_RANGE : new Command.Params(lower, upper);
    }
}
