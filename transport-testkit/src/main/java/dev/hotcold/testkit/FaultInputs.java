package dev.hotcold.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of hostile client input for {@link TransportFaultTest}: each family makes a
 * stream of inputs (mostly lines) that a fuzzing client pipelines into one connection. The same
 * seed gives the same bytes, so a failure replays.
 */
public enum FaultInputs {
    /** 1 to 64 bytes of any value, then a line feed. */
    RANDOM_BYTES {
        @Override
        void next(SplittableRandom random, ByteArrayOutputStream out) {
            int length = 1 + random.nextInt(64);
            for (int i = 0; i < length; i++) {
                out.write(random.nextInt(256));
            }
            out.write('\n');
        }
    },
    /** NUL bytes alone, inside commands, and instead of spaces. */
    NUL {
        @Override
        void next(SplittableRandom random, ByteArrayOutputStream out) {
            byte[] command = validCommand(random);
            int nuls = 1 + random.nextInt(3);
            for (int i = 0; i < nuls; i++) {
                command[random.nextInt(command.length)] = 0;
            }
            out.writeBytes(random.nextInt(8) == 0 ? new byte[1 + random.nextInt(16)] : command);
            out.write('\n');
        }
    },
    /** Invalid UTF-8 (overlong forms, surrogates, stray continuation bytes, cut sequences). */
    INVALID_UTF8 {
        private static final byte[][] BAD = {
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        };

        @Override
        void next(SplittableRandom random, ByteArrayOutputStream out) {
            byte[] command = validCommand(random);
            int at = random.nextInt(command.length + 1);
            out.write(command, 0, at);
            out.writeBytes(BAD[random.nextInt(BAD.length)]);
            out.write(command, at, command.length - at);
            out.write('\n');
        }
    },
    /** A valid command with one bit of one byte flipped (a flipped byte may even be a new line feed). */
    FLIPPED_BIT {
        @Override
        void next(SplittableRandom random, ByteArrayOutputStream out) {
            byte[] command = validCommand(random);
            int at = random.nextInt(command.length);
            command[at] ^= (byte) (1 << random.nextInt(8));
            out.writeBytes(command);
            out.write('\n');
        }
    },
    /** PARAMS with bounds at, around and far past the 64-bit limits, then a NUMBER. */
    HUGE_NUMBERS {
        private static final List<String> EDGES = List.of("9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "-9223372036854775809", "+9223372036854775807", "0", "-0", "+0", "+", "-",
                "--1", "+-1", "1e9", "0x10", "99999999999999999999999999999999999999", "00000000000000000000001",
                "1_000", " 1", "１");

        @Override
        void next(SplittableRandom random, ByteArrayOutputStream out) {
            String line = "PARAMS " + bound(random) + " " + bound(random) + "\nNUMBER\n";
            out.writeBytes(line.getBytes(UTF_8));
        }

        private String bound(SplittableRandom random) {
            return switch (random.nextInt(4)) {
                case 0 -> EDGES.get(random.nextInt(EDGES.size()));
                case 1 -> Long.toString(random.nextLong());
                case 2 -> (random.nextBoolean() ? "-" : "") + "9".repeat(1 + random.nextInt(40));
                default -> Long.toString(random.nextLong(-1000, 1000));
            };
        }
    },
    /** CR alone, CR in odd places, empty lines, blank lines of spaces and tabs. */
    CR_AND_EMPTY {
        private static final List<String> SHAPES = List.of("\r", "\r\n", "\n", "\r\r\n", "NUMBER\r", "NUMBER\r\r\n",
                "PARAMS 1 5\rNUMBER\n", " \n", "\t\n", "  \r\n", "CLEAR\r", "\rCLEAR\n", "REPORT Same\r\n",
                "PARAMS 1 50\r\nNUMBER\r\n");

        @Override
        void next(SplittableRandom random, ByteArrayOutputStream out) {
            out.writeBytes(SHAPES.get(random.nextInt(SHAPES.size())).getBytes(US_ASCII));
        }
    },
    /**
     * Lines around the server's default maximum of 1024 bytes and past it, and, twice per stream,
     * 1 MiB with no line feed at all.
     */
    LONG_LINES {
        @Override
        void next(SplittableRandom random, ByteArrayOutputStream out) {
            int length = random.nextInt(8) == 0 ? random.nextInt(4096) : 1020 + random.nextInt(10);
            byte filler = (byte) ('A' + random.nextInt(26));
            out.writeBytes("NUMBER ".getBytes(US_ASCII));
            for (int i = 0; i < length; i++) {
                out.write(filler);
            }
            out.write('\n');
        }

        @Override
        void extremes(ByteArrayOutputStream out) {
            for (int i = 0; i < 2; i++) {
                byte[] mebibyte = new byte[1 << 20];
                Arrays.fill(mebibyte, (byte) '7');
                out.writeBytes(mebibyte);
                out.writeBytes("\nPARAMS 3 3\nNUMBER\n".getBytes(US_ASCII));
            }
        }
    },
    /** Valid commands in any order: games that run out, reports with no guess, stray CLEARs. */
    VALID_ANY_ORDER {
        @Override
        void next(SplittableRandom random, ByteArrayOutputStream out) {
            out.writeBytes(validCommand(random));
            out.write('\n');
        }
    };

    private static final String[] DECISIONS = {"Warmer", "Colder", "Same", "Unsure", "Correct"};

    /** Generated inputs per family and transport: eight families make 100,000. */
    public static final int INPUTS_PER_FAMILY = 12_500;

    /** Appends one input to {@code out}. */
    abstract void next(SplittableRandom random, ByteArrayOutputStream out);

    /** Appends the family's rare, expensive inputs (once per stream). */
    void extremes(ByteArrayOutputStream out) {}

    /**
     * The family's whole stream for {@code seed}: {@link #INPUTS_PER_FAMILY} inputs, the extremes
     * in the middle, then a line feed and a one-number game, whose reply shows the connection
     * still plays after it all.
     *
     * @param seed picks the inputs; the same seed gives the same bytes
     * @return the stream's bytes
     */
    public byte[] stream(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ ordinal());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < INPUTS_PER_FAMILY; i++) {
            if (i == INPUTS_PER_FAMILY / 2) {
                extremes(out);
            }
            next(random, out);
        }
        out.writeBytes("\nPARAMS -76 -76\nNUMBER\n".getBytes(US_ASCII));
        return out.toByteArray();
    }

    /** A valid command, as ASCII bytes without its line feed. */
    static byte[] validCommand(SplittableRandom random) {
        String command = switch (random.nextInt(6)) {
            case 0 -> {
                long lower = random.nextInt(4) == 0 ? random.nextLong() : random.nextLong(-100, 100);
                long upper = lower + (random.nextBoolean() ? random.nextLong(0, 10) : random.nextLong(0, 1L << 40));
                yield "PARAMS " + lower + " " + (upper < lower ? Long.MAX_VALUE : upper);
            }
            case 1, 2 -> "NUMBER";
            case 3, 4 -> "REPORT " + DECISIONS[random.nextInt(DECISIONS.length)];
            default -> "CLEAR";
        };
        return command.getBytes(US_ASCII);
    }
}
