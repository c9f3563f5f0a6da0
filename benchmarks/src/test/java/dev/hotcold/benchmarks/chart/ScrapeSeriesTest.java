package dev.hotcold.benchmarks.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrapeSeriesTest {
    @TempDir
    Path dir;

    /** A scrape as hotcold serve --metrics-port writes it, cut down to what the chart reads. */
    private static String scrape(double at, int connections, long roundTrips, long won, long errors,
            long under2us, long under5us) {
        return "# scrape at " + at + "\n"
                + "# HELP hotcold_connections Connections open now\n"
                + "# TYPE hotcold_connections gauge\n"
                + "hotcold_connections " + connections + ".0\n"
                + "hotcold_roundtrip_seconds_bucket{le=\"1.0E-6\"} 0\n"
                + "hotcold_roundtrip_seconds_bucket{le=\"2.0E-6\"} " + under2us + "\n"
                + "hotcold_roundtrip_seconds_bucket{le=\"5.0E-6\"} " + under5us + "\n"
                + "hotcold_roundtrip_seconds_bucket{le=\"+Inf\"} " + roundTrips + "\n"
                + "hotcold_roundtrip_seconds_count " + roundTrips + "\n"
                + "hotcold_games_finished_total{end=\"won\"} " + won + ".0\n"
                + "hotcold_games_finished_total{end=\"cut_off\"} 7.0\n"
                + "hotcold_protocol_errors_total{reason=\"no_game\"} " + errors + ".0\n"
                + "hotcold_protocol_errors_total{reason=\"unknown_command\"} " + errors + ".0\n"
                + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 1.2E7\n\n";
    }

    @Test
    void ratesAndTheP99AreWhatHappenedBetweenScrapes() throws Exception {
        Path file = dir.resolve("scrapes.txt");
        Files.writeString(file, scrape(0.5, 0, 0, 0, 0, 0, 0)
                + scrape(1.0, 8, 1000, 10, 1, 900, 1000)
                + scrape(2.0, 8, 3000, 30, 1, 1000, 3000));
        List<ScrapeSeries.Interval> intervals = ScrapeSeries.intervals(ScrapeSeries.read(file));
        assertEquals(2, intervals.size());
        ScrapeSeries.Interval first = intervals.get(0);
        assertEquals(1.0, first.seconds());
        assertEquals(8, first.connections());
        assertEquals(2000, first.roundTripsPerSecond(), 1e-9, "1000 in half a second");
        assertEquals(20, first.gamesPerSecond(), 1e-9);
        assertEquals(4, first.errorsPerSecond(), 1e-9, "both reasons, 2 in half a second");
        // rank 990 of 1000 falls in (2, 5] µs, which holds 100: 90 of the way into it.
        assertEquals(2 + 3 * 0.9, first.p99Micros(), 1e-9);
        ScrapeSeries.Interval second = intervals.get(1);
        assertEquals(2000, second.roundTripsPerSecond(), 1e-9);
        // Between the scrapes: 100 under 2 µs, 2000 under 5: rank 1980 is (1980 - 100) / 1900 into (2, 5].
        assertEquals(2 + 3 * (1980.0 - 100) / 1900, second.p99Micros(), 1e-9);
        assertEquals(0, second.errorsPerSecond());
    }

    @Test
    void aQuantileWithNothingCountedIsNotANumber() {
        TreeMap<Double, Double> same = new TreeMap<>();
        same.put(1e-6, 5.0);
        same.put(Double.POSITIVE_INFINITY, 5.0);
        assertTrue(Double.isNaN(ScrapeSeries.quantile(0.99, same, same)));
    }

    @Test
    void drawsThePanelsAndWritesTheFigures() throws Exception {
        Path file = dir.resolve("scrapes.txt");
        Files.writeString(file, scrape(0, 0, 0, 0, 0, 0, 0) + scrape(0.5, 64, 500, 5, 0, 400, 500)
                + scrape(1.0, 64, 1500, 15, 0, 1400, 1500));
        Path png = dir.resolve("chart.png");
        Path tsv = dir.resolve("chart.tsv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ScrapeChart.run(new String[] {"--scrapes", file.toString(), "--out", png.toString(),
                "--tsv", tsv.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        assertTrue(Files.size(png) > 1000);
        assertEquals(List.of(ScrapeSeries.Interval.HEADER, "0.5\t64\t1000\t10.0\t0.0\t4.9",
                "1.0\t64\t2000\t20.0\t0.0\t2.0"), Files.readAllLines(tsv),
                "p99: 95% of the way into (2, 5] µs, then 99% into (1, 2]");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("2 intervals"));
    }

    @Test
    void aFileThatIsNotAScrapeSeriesIsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("scrapes.txt");
        Files.writeString(file, "hotcold_connections 1.0\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScrapeChart.run(new String[] {"--scrapes", file.toString(), "--out", dir.resolve("x.png").toString()},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertEquals("scrape-chart: " + file + ":1: a sample before the first '# scrape at SECONDS' line\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, ScrapeChart.run(new String[] {"--out", "x.png"}, System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}
