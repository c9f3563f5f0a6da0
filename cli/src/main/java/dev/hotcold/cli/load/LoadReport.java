package dev.hotcold.cli.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The figures of a load run, measured after the warmup, and every error of the whole run.
 *
 * @param games games won while measuring
 * @param roundTrips {@code NUMBER}s answered while measuring
 * @param seconds how long the measuring lasted
 * @param p50Micros median round-trip latency
 * @param p99Micros 99th percentile round-trip latency
 * @param errorsByKind errors of the whole run (connect, warmup and measuring), every kind listed
 * @param connections connections asked for
 * @param range games were played on [1, range]
 * @param stalled connections still waiting for a reply when the run ended, past the reply
 *     timeout or, if the server answered nothing while measuring, at all (counted among the timeouts)
 * @param elapsedSeconds how long the whole run took, from the first connect to the report: more
 *     than {@code seconds} by the connect phase and the warmup, or much more when no connection
 *     was left to measure
 * @param totalGames games won over the whole run, the warmup's included: what a server's own
 *     count of won games can be checked against
 * @param totalRoundTrips {@code NUMBER}s answered over the whole run, the warmup's included
 */
record LoadReport(long games, long roundTrips, double seconds, long p50Micros, long p99Micros,
        Map<ErrorKind, Long> errorsByKind, int connections, long range, int stalled, double elapsedSeconds,
        long totalGames, long totalRoundTrips) {

    LoadReport {
        errorsByKind = Map.copyOf(errorsByKind);
    }

    long errors() {
        return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    double gamesPerSecond() {
        return seconds > 0 ? games / seconds : 0;
    }

    double roundTripsPerSecond() {
        return seconds > 0 ? roundTrips / seconds : 0;
    }

    /**
     * {@code games=… roundtrips=… seconds=… games_per_s=… roundtrips_per_s=… p50_us=… p99_us=… errors=… elapsed_s=…}
     */
    String summaryLine() {
        return String.format(Locale.ROOT,
                "games=%d roundtrips=%d seconds=%.3f games_per_s=%.0f roundtrips_per_s=%.0f p50_us=%d p99_us=%d errors=%d"
                        + " elapsed_s=%.3f",
                games, roundTrips, seconds, gamesPerSecond(), roundTripsPerSecond(), p50Micros, p99Micros, errors(),
                elapsedSeconds);
    }

    /**
     * The errors that happened as a table, a row per kind with its count and what it means, or no
     * line at all if none did.
     */
    List<String> errorTable() {
        List<ErrorKind> happened = new ArrayList<>();
        for (ErrorKind kind : ErrorKind.values()) {
            if (errorsByKind.getOrDefault(kind, 0L) > 0) {
                happened.add(kind);
            }
        }
        if (happened.isEmpty()) {
            return List.of();
        }
        int kindWidth = "kind".length();
        int countWidth = "count".length();
        for (ErrorKind kind : happened) {
            kindWidth = Math.max(kindWidth, kind.label().length());
            countWidth = Math.max(countWidth, String.valueOf(errorsByKind.get(kind)).length());
        }
        String row = "  %-" + kindWidth + "s  %" + countWidth + "s  %s";
        List<String> lines = new ArrayList<>();
        lines.add("hotcold load: " + errors() + " error(s), by kind:");
        lines.add(String.format(Locale.ROOT, row, "kind", "count", "meaning"));
        for (ErrorKind kind : happened) {
            lines.add(String.format(Locale.ROOT, row, kind.label(), errorsByKind.get(kind), kind.meaning()));
        }
        return lines;
    }

    /**
     * The summary's fields, then every error kind, connections, range, stalled and the whole run's
     * games and round trips, as one JSON object.
     */
    String json() {
        StringJoiner kinds = new StringJoiner(",", "{", "}");
        for (ErrorKind kind : ErrorKind.values()) {
            kinds.add("\"" + kind.label() + "\":" + errorsByKind.getOrDefault(kind, 0L));
        }
        return String.format(Locale.ROOT,
                "{\"games\":%d,\"roundtrips\":%d,\"seconds\":%.3f,\"games_per_s\":%.0f,\"roundtrips_per_s\":%.0f,"
                        + "\"p50_us\":%d,\"p99_us\":%d,\"errors\":%d,\"elapsed_s\":%.3f,\"errors_by_kind\":%s,"
                        + "\"connections\":%d,\"range\":%d,\"stalled\":%d,\"total_games\":%d,\"total_roundtrips\":%d}",
                games, roundTrips, seconds, gamesPerSecond(), roundTripsPerSecond(), p50Micros, p99Micros,
                errors(), elapsedSeconds, kinds, connections, range, stalled, totalGames, totalRoundTrips);
    }
}
