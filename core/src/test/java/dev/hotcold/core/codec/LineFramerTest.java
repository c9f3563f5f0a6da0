package dev.hotcold.core.codec;

import dev.hotcold.core.protocol.*;
import dev.hotcold.core.client.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class LineFramerTest {
    private static final String TOO_LONG = "<too long>";

    /** Frames {@code chunks} one after another and returns every event. */
    static List<String> frame(LineFramer framer, List<byte[]> chunks) {
        List<String> events = new ArrayList<>();
        for (byte[] chunk : chunks) {
            ByteBuffer in = ByteBuffer.wrap(chunk);
            for (LineFramer.Frame frame; (frame = framer.next(in)) != LineFramer.Frame.NEED_MORE_BYTES; ) {
                if (frame == LineFramer.Frame.LINE) {
                    byte[] line = new byte[framer.lineEnd() - framer.lineStart()];
                    framer.lineBuffer().get(framer.lineStart(), line);
                    events.add(new String(line, StandardCharsets.ISO_8859_1));
                } else {
                    events.add(TOO_LONG);
                }
                assertTrue(framer.bufferedBytes() <= framer.maxLineLength() + 1);
            }
            assertFalse(in.hasRemaining(), "NEED_MORE_BYTES means the chunk was consumed");
            assertTrue(framer.bufferedBytes() <= framer.maxLineLength() + 1);
        }
        return events;
    }

    static List<String> frame(int max, String... chunks) {
        List<byte[]> bytes = new ArrayList<>();
        for (String chunk : chunks) {
            bytes.add(chunk.getBytes(StandardCharsets.ISO_8859_1));
        }
        return frame(new LineFramer(max), bytes);
    }

    @Test
    void splitsOnLfAndCrlf() {
        assertEquals(List.of("NUMBER", "CLEAR", "", "a\rb", "x\r"),
                frame(100, "NUMBER\nCLEAR\r\n\na\rb\nx\r\r\n"));
    }

    @Test
    void keepsAnUnfinishedLineForTheNextChunk() {
        assertEquals(List.of("PARAMS 1 5", "NUMBER"), frame(100, "PAR", "AMS 1", " 5\nNUM", "BER", "\n", "CLE"));
    }

    @Test
    void aCrAtTheEndOfOneChunkAndLfAtTheStartOfTheNextIsCrlf() {
        assertEquals(List.of("CLEAR"), frame(100, "CLEAR\r", "\n"));
    }

    @Test
    void aLineOfExactlyTheLimitPassesWithEitherTerminator() {
        String line = "x".repeat(10);
        assertEquals(List.of(line, line), frame(10, line + "\n" + line + "\r\n"));
    }

    @Test
    void oneByteOverTheLimitIsReportedOnceAndDroppedToTheNextLf() {
        String line = "x".repeat(11);
        assertEquals(List.of(TOO_LONG, "ok"), frame(10, line + "\nok\n"));
        assertEquals(List.of(TOO_LONG, "ok"), frame(10, line + "\r\nok\n"));
    }

    @Test
    void aHugeLineWithoutLfIsReportedAtOnceAndMemoryStaysBounded() {
        LineFramer framer = new LineFramer(16);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            chunks.add("y".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(List.of(TOO_LONG), frame(framer, chunks));
        assertEquals(0, framer.bufferedBytes());
        assertEquals(List.of("after"), frame(framer, List.of("tail\nafter\n".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void rejectsSillyLimits() {
        assertThrows(IllegalArgumentException.class, () -> new LineFramer(0));
        assertThrows(IllegalArgumentException.class, () -> new LineFramer(LineFramer.MAX_MAX_LINE_LENGTH + 1));
    }

    /** Random input made of short lines, lines near the limit, long lines, CRs and LFs. */
    static byte[] randomStream(SplittableRandom random, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = random.nextInt(1, 40);
        for (int i = 0; i < lines; i++) {
            int length = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0, 5);
                case 1 -> max - 1 + random.nextInt(4);
                case 2 -> random.nextInt(max * 3);
                default -> random.nextInt(max);
            };
            for (int j = 0; j < length; j++) {
                int kind = random.nextInt(20);
                out.write(kind == 0 ? '\r' : kind == 1 ? random.nextInt(256) : 'a' + random.nextInt(26));
            }
            if (random.nextInt(8) == 0) {
                out.write('\r');
            }
            if (i < lines - 1 || random.nextBoolean()) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    static List<byte[]> randomChunks(SplittableRandom random, byte[] stream) {
        List<byte[]> chunks = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int size = random.nextInt(4) == 0 ? 1 : random.nextInt(1, 50);
            int end = Math.min(stream.length, at + size);
            byte[] chunk = new byte[end - at];
            System.arraycopy(stream, at, chunk, 0, chunk.length);
            chunks.add(chunk);
            at = end;
        }
        return chunks;
    }

    /** What the framer must report for {@code stream}, written the plainest way. */
    static List<String> reference(byte[] stream, int max) {
        List<String> events = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == '\n') {
                int end = i > start && stream[i - 1] == '\r' ? i - 1 : i;
                events.add(end - start > max ? TOO_LONG : new String(stream, start, end - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        // An unfinished line is known to be too long once it holds max + 2 bytes: even a CR at
        // its end would leave max + 1 bytes of content.
        if (stream.length - start >= max + 2) {
            events.add(TOO_LONG);
        }
        return events;
    }

    @RepeatedTest(200)
    void theOutcomeDoesNotDependOnChunking(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        int max = random.nextInt(1, 40);
        byte[] stream = randomStream(random, max);
        List<String> expected = reference(stream, max);
        assertEquals(expected, frame(new LineFramer(max), List.of(stream)), "in one chunk");
        assertEquals(expected, frame(new LineFramer(max), randomChunks(random, stream)), "in random chunks");
        List<byte[]> bytes = new ArrayList<>();
        for (byte b : stream) {
            bytes.add(new byte[] {b});
        }
        assertEquals(expected, frame(new LineFramer(max), bytes), "byte by byte");
    }
}
