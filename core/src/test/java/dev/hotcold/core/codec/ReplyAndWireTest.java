package dev.hotcold.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.protocol.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReplyAndWireTest {

    @Test
    void parsesGuessesErrorsAndTheRest() {
        assertEquals(new Reply.Guess(42), ReplyParser.parse("42"));
        assertEquals(new Reply.Guess(Long.MIN_VALUE), ReplyParser.parse("-9223372036854775808"));
        assertEquals(new Reply.Error("server busy"), ReplyParser.parse("ERROR server busy"));
        assertEquals(new Reply.Error(""), ReplyParser.parse("ERROR"));
        assertEquals(new Reply.Unreadable("hello"), ReplyParser.parse("hello"));
        assertEquals(new Reply.Unreadable("9223372036854775808"), ReplyParser.parse("9223372036854775808"));
        assertEquals(new Reply.Unreadable(""), ReplyParser.parse(""));
    }

    @Test
    void knowsHotcoldsOwnReasons() {
        assertEquals(Optional.of(ErrorReason.RANGE_EXHAUSTED), new Reply.Error("range exhausted").knownReason());
        assertEquals(Optional.empty(), new Reply.Error("something else").knownReason());
    }

    @ParameterizedTest
    @EnumSource(ErrorReason.class)
    void everyErrorReplyFitsTheLimitAndReadsBack(ErrorReason reason) {
        ByteBuffer out = ByteBuffer.allocate(Wire.MAX_REPLY_BYTES);
        Wire.writeError(out, reason);
        String line = new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
        assertEquals("ERROR " + reason.text() + "\n", line);
        assertEquals(new Reply.Error(reason.text()), ReplyParser.parse(line.substring(0, line.length() - 1)));
        assertEquals(line, new String(reason.replyBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void guessesOfEveryMagnitudeFitTheLimitAndReadBack() {
        SplittableRandom random = new SplittableRandom(5);
        long[] fixed = {0, -1, 1, 9, 10, -10, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1};
        for (int i = 0; i < 10_000 + fixed.length; i++) {
            long value = i < fixed.length ? fixed[i] : random.nextLong() >> random.nextInt(64);
            ByteBuffer out = ByteBuffer.allocate(Wire.MAX_REPLY_BYTES);
            Wire.writeGuess(out, value);
            String line = new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
            assertEquals(value + "\n", line);
            assertEquals(new Reply.Guess(value), ReplyParser.parse(ByteBuffer.wrap(out.array(), 0, out.position() - 1)));
        }
    }

    @Test
    void everyDigitCountAroundPowersOfTenAfterEarlierReplies() {
        ByteBuffer out = ByteBuffer.allocate(64 * Wire.MAX_REPLY_BYTES);
        StringBuilder expected = new StringBuilder();
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10 * 10; power = power * 10) {
            for (long value : new long[] {power - 1, power, power + 1, -power, -(power - 1)}) {
                // Each reply lands after the ones before it, not at position 0.
                Wire.writeGuess(out, value);
                expected.append(value).append('\n');
            }
            if (power > Long.MAX_VALUE / 10) {
                break;
            }
        }
        assertEquals(expected.toString(), new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII));
    }

    @Test
    void theCommandLimitHoldsTheLongestCommand() {
        Command longest = new Command.Params(Long.MIN_VALUE, Long.MIN_VALUE);
        assertEquals(Wire.MAX_COMMAND_BYTES, longest.line().length() + 1);
        assertTrue(Wire.MAX_REPLY_BYTES >= "-9223372036854775808\n".length());
    }

    @Test
    void decisionsUseTheSeedsWireNames() {
        for (Decision decision : Decision.values()) {
            assertEquals(Optional.of(decision), Decision.fromWireName(decision.wireName()));
            assertEquals(decision.wireName(), decision.toString());
        }
        assertEquals("Warmer Colder Same Unsure Correct",
                String.join(" ", java.util.Arrays.stream(Decision.values()).map(Decision::wireName).toList()));
        assertEquals(Optional.empty(), Decision.fromWireName("correct"));
    }
}
