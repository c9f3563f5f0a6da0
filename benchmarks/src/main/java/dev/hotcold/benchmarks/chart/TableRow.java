package dev.hotcold.benchmarks.chart;

import java.util.Locale;

/** One transport benchmark result as BENCHMARKS.md tabulates it. */
record TableRow(String transport, String api, int clients, double gamesPerSecond, double roundTripsPerSecond,
        double bytesPerRoundTrip) {

    static final String HEADER = "| transport | API | clients | games/s | round trips/s | B per round trip |\n"
            + "|---|---|---|---|---|---|";

    /** The row in Markdown. */
    String markdown() {
        String bytes = Double.isNaN(bytesPerRoundTrip) ? "-" : String.format(Locale.ROOT, "%,.0f", bytesPerRoundTrip);
        return String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %,.0f | %s |",
                transport, api, clients, gamesPerSecond, roundTripsPerSecond, bytes);
    }
}
