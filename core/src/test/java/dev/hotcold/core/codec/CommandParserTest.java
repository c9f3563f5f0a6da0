package dev.hotcold.core.codec;

import dev.hotcold.core.protocol.*;
import dev.hotcold.core.client.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandParserTest {

    @Test
    void parsesTheFourCommands() {
        assertEquals(new Command.Params(1, 5), CommandParser.parse("PARAMS 1 5"));
        assertEquals(Command.NumberRequest.INSTANCE, CommandParser.parse("NUMBER"));
        assertEquals(Command.Report.of(Decision.WARMER), CommandParser.parse("REPORT Warmer"));
        assertEquals(Command.Clear.INSTANCE, CommandParser.parse("CLEAR"));
    }

    static Stream<Arguments> bounds() {
        return Stream.of(
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("+7", 7L),
                Arguments.of("-0", 0L),
                Arguments.of("000123", 123L),
                Arguments.of("-000000000000000000000000009223372036854775808", Long.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void readsBoundsAsSigned64BitIntegers(String text, long value) {
        assertEquals(new Command.Params(value, value), CommandParser.parse("PARAMS " + text + " " + text));
    }

    static Stream<Arguments> invalidLines() {
        return Stream.of(
                Arguments.of("", ErrorReason.EMPTY_LINE),
                Arguments.of("HELLO", ErrorReason.UNKNOWN_COMMAND),
                Arguments.of("number", ErrorReason.UNKNOWN_COMMAND),
                Arguments.of(" NUMBER", ErrorReason.UNKNOWN_COMMAND),
                Arguments.of("NUMBERS", ErrorReason.UNKNOWN_COMMAND),
                Arguments.of("NUMBER ", ErrorReason.NUMBER_USAGE),
                Arguments.of("NUMBER 5", ErrorReason.NUMBER_USAGE),
                Arguments.of("CLEAR ", ErrorReason.CLEAR_USAGE),
                Arguments.of("CLEAR x", ErrorReason.CLEAR_USAGE),
                Arguments.of("PARAMS", ErrorReason.PARAMS_USAGE),
                Arguments.of("PARAMS ", ErrorReason.PARAMS_USAGE),
                Arguments.of("PARAMS 1", ErrorReason.PARAMS_USAGE),
                Arguments.of("PARAMS 1 2 3", ErrorReason.PARAMS_USAGE),
                Arguments.of("PARAMS  1 2", ErrorReason.PARAMS_USAGE),
                Arguments.of("PARAMS 1 2 ", ErrorReason.PARAMS_USAGE),
                Arguments.of("PARAMS 1 ", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS a 2", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS 1 2x", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS - 2", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS +-1 2", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS 1e3 2", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS 1_000 2000", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS 0 9223372036854775808", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS -9223372036854775809 0", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS 0 99999999999999999999", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS \u0661 2", ErrorReason.BAD_BOUND),
                Arguments.of("PARAMS 6 5", ErrorReason.EMPTY_RANGE),
                Arguments.of("PARAMS 9223372036854775807 -9223372036854775808", ErrorReason.EMPTY_RANGE),
                Arguments.of("REPORT", ErrorReason.REPORT_USAGE),
                Arguments.of("REPORT ", ErrorReason.UNKNOWN_DECISION),
                Arguments.of("REPORT Warmer now", ErrorReason.REPORT_USAGE),
                Arguments.of("REPORT warmer", ErrorReason.UNKNOWN_DECISION),
                Arguments.of("REPORT Hot", ErrorReason.UNKNOWN_DECISION),
                Arguments.of("NUMBER\r", ErrorReason.UNKNOWN_COMMAND),
                Arguments.of("NUMBER\t", ErrorReason.UNKNOWN_COMMAND));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("invalidLines")
    void rejectsMalformedLinesWithAPreciseReason(String line, ErrorReason reason) {
        assertEquals(new InvalidLine(reason), CommandParser.parse(line));
    }

    @Test
    void parsesAWindowOfABufferWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.wrap("xxPARAMS 3 4yy".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new Command.Params(3, 4), CommandParser.parse(buffer, 2, 12));
        assertEquals(0, buffer.position());
        assertEquals(14, buffer.limit());
    }

    /** A command drawn at random, bounds often at or near the extremes. */
    static Command randomCommand(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                long a = randomLong(random);
                long b = randomLong(random);
                yield new Command.Params(Math.min(a, b), Math.max(a, b));
            }
            case 1 -> Command.NumberRequest.INSTANCE;
            case 2 -> Command.Report.of(Decision.values()[random.nextInt(Decision.values().length)]);
            default -> Command.Clear.INSTANCE;
        };
    }

    static long randomLong(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> Long.MIN_VALUE + random.nextInt(3);
            case 1 -> Long.MAX_VALUE - random.nextInt(3);
            case 2 -> random.nextInt(-10, 11);
            default -> random.nextLong();
        };
    }

    @RepeatedTest(20)
    void parsingTheFormattedCommandGivesItBack(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        for (int i = 0; i < 1_000; i++) {
            Command command = randomCommand(random);
            assertEquals(command, CommandParser.parse(command.line()), command.line());
            ByteBuffer wire = ByteBuffer.allocate(Wire.MAX_COMMAND_BYTES);
            Wire.writeCommand(wire, command);
            assertEquals(command.line() + "\n", new String(wire.array(), 0, wire.position(), StandardCharsets.US_ASCII));
        }
    }

    @RepeatedTest(20)
    void anyBytesParseToACommandOrAReasonAndNeverThrow(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(1000 + repetition.getCurrentRepetition());
        byte[] alphabet = "PARMSNUBEOTWCLrm 0123456789-+\r\t\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 2_000; i++) {
            byte[] line = new byte[random.nextInt(40)];
            for (int j = 0; j < line.length; j++) {
                line[j] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            ParsedLine parsed = CommandParser.parse(ByteBuffer.wrap(line));
            assertNotNull(parsed);
            if (parsed instanceof Command command) {
                assertEquals(command, CommandParser.parse(command.line()));
            } else {
                assertInstanceOf(InvalidLine.class, parsed);
            }
        }
    }
}
