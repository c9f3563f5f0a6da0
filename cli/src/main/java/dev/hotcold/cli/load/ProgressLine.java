package dev.hotcold.cli.load;

import java.util.Locale;

/**
 * The line the run prints once a second: what phase it is in and what the last second did.
 *
 * @param phase connecting, warmup or measuring
 * @param elapsedSeconds since the run began
 * @param gamesPerSecond over the last second
 * @param roundTripsPerSecond over the last second
 * @param p50Micros median round-trip latency of the last second
 * @param p99Micros 99th percentile round-trip latency of the last second
 * @param playing connections playing now
 * @param errors errors so far
 */
record ProgressLine(String phase, double elapsedSeconds, double gamesPerSecond, double roundTripsPerSecond,
        long p50Micros, long p99Micros, int playing, long errors) {

    String format() {
        return String.format(Locale.ROOT,
                "%6.1fs %-10s games/s=%.0f roundtrips/s=%.0f p50_us=%d p99_us=%d playing=%d errors=%d",
                elapsedSeconds, phase, gamesPerSecond, roundTripsPerSecond, p50Micros, p99Micros, playing, errors);
    }
}
