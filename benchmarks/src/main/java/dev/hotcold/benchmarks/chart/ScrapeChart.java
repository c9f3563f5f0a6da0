package dev.hotcold.benchmarks.chart;

import dev.hotcold.benchmarks.FlagReader;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code scrape-chart --scrapes FILE --out FILE.png [--tsv FILE] [--width W] [--height H]
 * [--title T]}: a scrape series of {@code hotcold serve --metrics-port} over time, as an operator's
 * dashboard would draw it: round trips per second, connections open, and the 99th percentile of
 * the server's round-trip time, one panel each over a shared time axis. {@code --tsv} also writes
 * the figures drawn, one line per interval between scrapes.
 *
 * <p>The scrape file holds each scrape after a line {@code # scrape at SECONDS};
 * {@code scripts/metrics-chart.sh} makes one while {@code hotcold load} runs.
 */
public final class ScrapeChart {
    static final String USAGE = "usage: scrape-chart --scrapes FILE --out FILE.png [--tsv FILE]"
            + " [--width PIXELS] [--height PIXELS] [--title TEXT]";

    private ScrapeChart() {}

    /** Draws the chart the arguments describe; returns the exit status (2: usage, 1: bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        Path scrapes = null;
        Path output = null;
        Path tsv = null;
        int width = 1000;
        int height = 750;
        String title = "hotcold serve, scraped while hotcold load runs";
        try {
            FlagReader flags = new FlagReader(args, Set.of());
            while (flags.next()) {
                if (flags.isHelp()) {
                    out.println(USAGE);
                    return 0;
                }
                String flag = flags.flag();
                String value = flags.value();
                switch (flag) {
                    case "--scrapes" -> scrapes = Path.of(value);
                    case "--out" -> output = Path.of(value);
                    case "--tsv" -> tsv = Path.of(value);
                    case "--width" -> width = ThroughputChart.pixels(flag, value);
                    case "--height" -> height = ThroughputChart.pixels(flag, value);
                    case "--title" -> title = value;
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (scrapes == null || output == null) {
                throw new IllegalArgumentException("--scrapes and --out are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("scrape-chart: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            List<ScrapeSeries.Interval> intervals = ScrapeSeries.intervals(ScrapeSeries.read(scrapes));
            if (intervals.isEmpty()) {
                err.println("scrape-chart: " + scrapes + " holds fewer than two scrapes: no interval to draw");
                return 1;
            }
            if (tsv != null) {
                List<String> lines = new ArrayList<>();
                lines.add(ScrapeSeries.Interval.HEADER);
                intervals.forEach(interval -> lines.add(interval.tsv()));
                Files.write(tsv, lines);
            }
            ChartUtils.saveChartAsPNG(output.toFile(), chart(title, intervals), width, height);
            out.println("scrape-chart: " + output + ", " + intervals.size() + " intervals");
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("scrape-chart: " + e.getMessage());
            return 1;
        }
    }

    static JFreeChart chart(String title, List<ScrapeSeries.Interval> intervals) {
        NumberAxis time = new NumberAxis("seconds");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        plot.add(panel(linear("round trips/s"), intervals, ScrapeSeries.Interval::roundTripsPerSecond,
                new XYLineAndShapeRenderer(true, true), new Color(0x0072B2)), 2);
        plot.add(panel(linear("connections"), intervals, ScrapeSeries.Interval::connections, new XYStepRenderer(),
                new Color(0x009E73)), 1);
        plot.add(panel(logarithmic("server's p99 round trip (µs, log scale)"), intervals,
                ScrapeSeries.Interval::p99Micros, new XYLineAndShapeRenderer(true, true), new Color(0xD55E00)), 2);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle("p99: histogram_quantile(0.99) of hotcold_roundtrip_seconds between two"
                + " scrapes, the server's own time per round trip, without the network and the queueing a client"
                + " also sees"));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static NumberAxis linear(String name) {
        NumberAxis axis = new NumberAxis(name);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    /**
     * A decade per tick: the first scrape of a cold server can hold a p99 ten thousand times a
     * warm one's, which a linear axis would flatten to nothing.
     */
    private static LogAxis logarithmic(String name) {
        LogAxis axis = new LogAxis(name);
        axis.setBase(10);
        axis.setSmallestValue(0.01);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setMinorTickCount(9);
        axis.setMinorTickMarksVisible(true);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        return axis;
    }

    private static XYPlot panel(ValueAxis axis, List<ScrapeSeries.Interval> intervals,
            ToDoubleFunction<ScrapeSeries.Interval> value, XYLineAndShapeRenderer renderer, Color color) {
        XYSeries series = new XYSeries(axis.getLabel(), true, true);
        for (ScrapeSeries.Interval interval : intervals) {
            double y = value.applyAsDouble(interval);
            if (Double.isFinite(y) && (!(axis instanceof LogAxis) || y > 0)) {
                series.add(interval.seconds(), y);
            }
        }
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot panel = new XYPlot(new XYSeriesCollection(series), null, axis, renderer);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setDomainGridlinePaint(Color.LIGHT_GRAY);
        panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return panel;
    }
}
