package dev.hotcold.benchmarks.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code chart --out FILE.png [--jmh RESULT.json]... [--load SUMMARIES.jsonl]... [--width W]
 * [--height H] [--title T] [--table]}: round trips per second against connections, one line per
 * server or transport, as a PNG drawn by JFreeChart without a display. {@code --table} also prints
 * the JMH transport results as a Markdown table with bytes allocated per round trip.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'transport\..*' -rf json -rff jmh.json
 * java -jar benchmarks/target/benchmarks.jar chart --jmh jmh.json --load load.jsonl --out chart.png
 * </pre>
 *
 * JMH results give a line per transport and client API; each line of a {@code --load} file is a
 * {@code ./hotcold load --json} summary with {@code server} and {@code connections} added.
 */
public final class ThroughputChart {
    static final String USAGE = "usage: chart --out FILE.png [--jmh RESULT.json]... [--load SUMMARIES.jsonl]..."
            + " [--width PIXELS] [--height PIXELS] [--title TEXT] [--table]";

    private ThroughputChart() {}

    /** Draws the chart the arguments describe; returns the exit status (2: usage, 1: bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        List<Path> jmhFiles = new ArrayList<>();
        List<Path> loadFiles = new ArrayList<>();
        Path output = null;
        int width = 1000;
        int height = 600;
        String title = "hotcold: round trips per second";
        boolean table = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (flag.equals("--table")) {
                    table = true;
                    continue;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--jmh" -> jmhFiles.add(Path.of(value));
                    case "--load" -> loadFiles.add(Path.of(value));
                    case "--out" -> output = Path.of(value);
                    case "--width" -> width = pixels(flag, value);
                    case "--height" -> height = pixels(flag, value);
                    case "--title" -> title = value;
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (output == null && !table) {
                throw new IllegalArgumentException("--out is required (or --table alone)");
            }
            if (jmhFiles.isEmpty() && loadFiles.isEmpty()) {
                throw new IllegalArgumentException("give at least one --jmh or --load file");
            }
        } catch (IllegalArgumentException e) {
            err.println("chart: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            if (table) {
                out.println(TableRow.HEADER);
                for (Path file : jmhFiles) {
                    for (TableRow row : ResultFiles.jmhTable(file)) {
                        out.println(row.markdown());
                    }
                }
                if (output == null) {
                    return 0;
                }
            }
            List<Point> points = new ArrayList<>();
            for (Path file : jmhFiles) {
                points.addAll(ResultFiles.jmh(file));
            }
            for (Path file : loadFiles) {
                points.addAll(ResultFiles.load(file));
            }
            if (points.isEmpty()) {
                err.println("chart: no round-trip figures in the files given (JMH results need the transport suites)");
                return 1;
            }
            XYSeriesCollection dataset = dataset(points);
            ChartUtils.saveChartAsPNG(output.toFile(), chart(title, dataset), width, height);
            out.println("chart: " + output + ", " + dataset.getSeriesCount() + " series, " + points.size() + " points");
            return 0;
        } catch (IOException e) {
            err.println("chart: " + e.getMessage());
            return 1;
        }
    }

    /** One series per name, points in order of connections. */
    static XYSeriesCollection dataset(List<Point> points) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        points.stream()
                .sorted(Comparator.comparing(Point::series).thenComparingInt(Point::connections))
                .forEach(point -> series.computeIfAbsent(point.series(), name -> new XYSeries(name, true, true))
                        .add(point.connections(), point.roundTripsPerSecond()));
        XYSeriesCollection dataset = new XYSeriesCollection();
        series.values().forEach(dataset::addSeries);
        return dataset;
    }

    private static JFreeChart chart(String title, XYSeriesCollection dataset) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "connections", "round trips/s", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        // Connections go 1, 16, 256, 1024...: a log axis spaces them evenly.
        LogAxis connections = new LogAxis("connections");
        connections.setBase(2);
        connections.setTickUnit(new NumberTickUnit(2));
        connections.setNumberFormatOverride(new DecimalFormat("#,##0"));
        connections.setSmallestValue(0.5);
        plot.setDomainAxis(connections);
        // In-memory rates run to millions, socket ones to tens of thousands: a log axis shows both.
        LogAxis rate = new LogAxis("round trips/s");
        rate.setBase(10);
        rate.setTickUnit(new NumberTickUnit(1));   // one tick per decade: 1,000, 10,000, ...
        rate.setNumberFormatOverride(new DecimalFormat("#,##0"));
        plot.setRangeAxis(rate);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    /** A chart dimension from the command line: 100 to 10,000 pixels. */
    static int pixels(String flag, String value) {
        try {
            int pixels = Integer.parseInt(value);
            if (pixels < 100 || pixels > 10_000) {
                throw new IllegalArgumentException(flag + " must be in [100, 10000], was " + value);
            }
            return pixels;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, was '" + value + "'");
        }
    }
}
