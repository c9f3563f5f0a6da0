package dev.hotcold.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hotcold.core.protocol.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** ReplyReader parses each line where it lies and leaves the caller's buffer consumed just past it. */
class ReplyReaderTest {
    private static final String REPLIES = "42\r\nERROR bad command\n\nhello\n-7\n9223372036854775807\n";
    private static final List<Reply> EXPECTED = List.of(new Reply.Guess(42), new Reply.Error("bad command"),
            new Reply.Unreadable(""), new Reply.Unreadable("hello"), new Reply.Guess(-7),
            new Reply.Guess(Long.MAX_VALUE));

    @Test
    void eachReplyConsumesItsLineAndNoMore() {
        ReplyReader reader = new ReplyReader();
        ByteBuffer in = ByteBuffer.allocateDirect(64).put(ascii("17\n5\npartial"));
        in.flip();
        assertEquals(new Reply.Guess(17), reader.next(in));
        assertEquals(3, in.position(), "position just past the first line feed");
        assertEquals(12, in.limit(), "limit as the caller set it");
        assertEquals(new Reply.Guess(5), reader.next(in));
        assertEquals(5, in.position());
        assertEquals(12, in.limit());
        assertNull(reader.next(in), "a partial line waits for more bytes");
        assertEquals(12, in.position(), "and is consumed");
        assertEquals(new Reply.Unreadable("partial line"), reader.next(ByteBuffer.wrap(ascii(" line\n"))));
    }

    /** Whatever the chunks, the same replies in the same order. */
    @RepeatedTest(20)
    void repliesDoNotDependOnHowTheBytesAreSplit(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        byte[] bytes = ascii(REPLIES);
        ReplyReader reader = new ReplyReader();
        List<Reply> replies = new ArrayList<>();
        for (int from = 0; from < bytes.length; ) {
            int to = Math.min(bytes.length, from + 1 + random.nextInt(12));
            // A window inside a larger buffer, as a transport's read buffer is.
            ByteBuffer in = ByteBuffer.allocate(bytes.length + 8).position(4).put(bytes, from, to - from);
            in.limit(in.position()).position(4);
            for (Reply reply; (reply = reader.next(in)) != null; ) {
                replies.add(reply);
            }
            assertEquals(in.limit(), in.position(), "the chunk is consumed");
            from = to;
        }
        assertEquals(EXPECTED, replies);
    }

    /** read() finds the same replies as next(), a guess as a bare number, whatever the chunks. */
    @RepeatedTest(20)
    void readGivesGuessesAsNumbersAndEverythingElseAsReplies(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(100 + repetition.getCurrentRepetition());
        byte[] bytes = ascii(REPLIES + "x".repeat(ReplyReader.DEFAULT_MAX_REPLY_LENGTH + 1) + "\n3\n");
        ReplyReader reader = new ReplyReader();
        List<Reply> replies = new ArrayList<>();
        for (int from = 0; from < bytes.length; ) {
            int to = Math.min(bytes.length, from + 1 + random.nextInt(40));
            ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
            for (ReplyReader.Line line; (line = reader.read(in)) != ReplyReader.Line.NEED_MORE_BYTES; ) {
                if (line == ReplyReader.Line.GUESS) {
                    assertNull(reader.otherReply(), "a guess is no other reply");
                    replies.add(new Reply.Guess(reader.guess()));
                } else {
                    replies.add(reader.otherReply());
                    assertThrows(IllegalStateException.class, reader::guess, "no guess to read");
                }
            }
            assertEquals(in.limit(), in.position(), "the chunk is consumed");
            from = to;
        }
        List<Reply> expected = new ArrayList<>(EXPECTED);
        expected.add(new Reply.Unreadable("(a line too long to read)"));
        expected.add(new Reply.Guess(3));
        assertEquals(expected, replies);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
