package dev.hotcold.transport.nio;

/**
 * When the NIO server stops and resumes reading from a connection whose replies pile up unsent,
 * as Netty's {@code WriteBufferWaterMark}: above {@code high} unsent bytes it stops reading, so a
 * client that never reads cannot grow the server's memory; at or below {@code low} it reads again.
 * The mark is checked before every batch of replies, so a connection's unsent bytes stay within
 * {@code high} plus one reply; input read but not yet answered is kept and answered when reading
 * resumes.
 *
 * @param low resume reading at or below this many unsent bytes
 * @param high stop reading above this many unsent bytes
 */
public record WaterMarks(int low, int high) {
    /** 32 KiB and 64 KiB. */
    public static final WaterMarks DEFAULT = new WaterMarks(32 * 1024, 64 * 1024);

    /**
     * Checks the marks.
     *
     * @throws IllegalArgumentException unless {@code 0 <= low <= high}
     */
    public WaterMarks {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("need 0 <= low <= high, got low " + low + " and high " + high);
        }
    }
}
