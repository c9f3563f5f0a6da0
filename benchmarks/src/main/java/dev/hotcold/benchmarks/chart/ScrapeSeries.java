package dev.hotcold.benchmarks.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series of Prometheus text scrapes of one {@code hotcold serve --metrics-port}, read from a file
 * where each scrape follows a line {@code # scrape at SECONDS}, and what happened between each
 * scrape and the next: what Prometheus's {@code rate()} and {@code histogram_quantile()} would
 * show.
 */
final class ScrapeSeries {
    private static final Pattern SCRAPE_AT = Pattern.compile("# scrape at (\\d+(?:\\.\\d+)?)");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    static final String ROUND_TRIPS = "hotcold_roundtrip_seconds_count";
    static final String GAMES_WON = "hotcold_games_finished_total{end=\"won\"}";
    static final String CONNECTIONS = "hotcold_connections";
    static final String ROUND_TRIP_BUCKET = "hotcold_roundtrip_seconds_bucket";
    static final String PROTOCOL_ERRORS = "hotcold_protocol_errors_total";

    /** One scrape: when, its plain samples by series, and the round-trip histogram's cumulative buckets. */
    record Scrape(double seconds, Map<String, Double> samples, TreeMap<Double, Double> roundTripBuckets) {
        double get(String series) {
            Double value = samples.get(series);
            if (value == null) {
                throw new IllegalArgumentException("the scrape at " + seconds + " s has no " + series
                        + " (is it a hotcold serve --metrics-port scrape?)");
            }
            return value;
        }

        /** The sum over every series of {@code name}, whatever its labels. */
        double sum(String name) {
            return samples.entrySet().stream()
                    .filter(sample -> sample.getKey().equals(name) || sample.getKey().startsWith(name + "{"))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
    }

    /**
     * What happened between two scrapes, at the time of the second.
     *
     * @param seconds when the interval ended
     * @param connections connections open at its end
     * @param roundTripsPerSecond round trips the server answered, per second
     * @param gamesPerSecond games won, per second
     * @param errorsPerSecond {@code ERROR} replies, per second
     * @param p99Micros the 99th percentile of the server's round-trip time, in microseconds,
     *     interpolated in its histogram bucket; NaN when no round trip happened
     */
    record Interval(double seconds, double connections, double roundTripsPerSecond, double gamesPerSecond,
            double errorsPerSecond, double p99Micros) {
        static final String HEADER = "seconds\tconnections\troundtrips_per_s\tgames_per_s\terrors_per_s\tp99_us";

        String tsv() {
            return String.format(java.util.Locale.ROOT, "%.1f\t%.0f\t%.0f\t%.1f\t%.1f\t%.1f", seconds, connections,
                    roundTripsPerSecond, gamesPerSecond, errorsPerSecond, p99Micros);
        }
    }

    private ScrapeSeries() {}

    /** Reads the scrapes of {@code file}, in order. */
    static List<Scrape> read(Path file) throws IOException {
        List<Scrape> scrapes = new ArrayList<>();
        Double at = null;
        Map<String, Double> samples = null;
        TreeMap<Double, Double> buckets = null;
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            Matcher scrape = SCRAPE_AT.matcher(line);
            if (scrape.matches()) {
                if (at != null) {
                    scrapes.add(new Scrape(at, samples, buckets));
                }
                at = Double.parseDouble(scrape.group(1));
                samples = new TreeMap<>();
                buckets = new TreeMap<>();
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (at == null) {
                throw new IOException(file + ":" + number + ": a sample before the first '# scrape at SECONDS' line");
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IOException(file + ":" + number + ": not a Prometheus sample: " + line);
            }
            String labels = sample.group(2) == null ? "" : sample.group(2);
            double value = parse(sample.group(3));
            if (sample.group(1).equals(ROUND_TRIP_BUCKET)) {
                Matcher le = LE.matcher(labels);
                if (le.find()) {
                    buckets.put(parse(le.group(1)), value);
                }
            } else {
                samples.put(sample.group(1) + labels, value);
            }
        }
        if (at != null) {
            scrapes.add(new Scrape(at, samples, buckets));
        }
        return scrapes;
    }

    private static double parse(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    /** What happened between each scrape and the next. */
    static List<Interval> intervals(List<Scrape> scrapes) {
        List<Interval> intervals = new ArrayList<>();
        for (int i = 1; i < scrapes.size(); i++) {
            Scrape before = scrapes.get(i - 1);
            Scrape after = scrapes.get(i);
            double seconds = after.seconds() - before.seconds();
            if (seconds <= 0) {
                throw new IllegalArgumentException("the scrapes at " + before.seconds() + " s and " + after.seconds()
                        + " s are not in order");
            }
            intervals.add(new Interval(after.seconds(), after.get(CONNECTIONS),
                    (after.get(ROUND_TRIPS) - before.get(ROUND_TRIPS)) / seconds,
                    (after.get(GAMES_WON) - before.get(GAMES_WON)) / seconds,
                    (after.sum(PROTOCOL_ERRORS) - before.sum(PROTOCOL_ERRORS)) / seconds,
                    quantile(0.99, before.roundTripBuckets(), after.roundTripBuckets()) * 1e6));
        }
        return intervals;
    }

    /**
     * The {@code q} quantile of what the histogram counted between two scrapes, as Prometheus's
     * {@code histogram_quantile} works it out: the bucket where the rank falls, interpolated
     * linearly between its bounds. In seconds; NaN if nothing was counted.
     */
    static double quantile(double q, TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double countBelow = 0;
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double cumulative = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (cumulative >= rank) {
                if (bucket.getKey() == Double.POSITIVE_INFINITY) {
                    return lowerBound;   // above the highest finite bound: that bound is all one can say
                }
                double inBucket = cumulative - countBelow;
                return lowerBound + (bucket.getKey() - lowerBound) * (inBucket == 0 ? 1 : (rank - countBelow) / inBucket);
            }
            lowerBound = bucket.getKey();
            countBelow = cumulative;
        }
        return lowerBound;
    }
}
