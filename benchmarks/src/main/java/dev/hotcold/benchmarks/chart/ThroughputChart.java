package dev.hotcold.benchmarks.chart;

import dev.hotcold.benchmarks.FlagReader;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code chart --out FILE.png [--jmh RESULT.json]... [--load SUMMARIES.jsonl]... [--only NAME,...]
 * [--relative-to SERVER] [--scale auto|log|linear] [--title T] [--subtitle T]... [--width W]
 * [--height H] [--table]}: round trips per second against connections, one line per server or per
 * transport and client API, as a PNG drawn by JFreeChart without a display. {@code --table} also
 * prints the JMH transport results as a Markdown table with bytes allocated per round trip.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'transport\..*' -rf json -rff jmh.json
 * java -jar benchmarks/target/benchmarks.jar chart --jmh jmh.json --only nio,netty --out chart.png
 * java -jar benchmarks/target/benchmarks.jar chart --load serving.jsonl --relative-to floor --out serving.png
 * </pre>
 *
 * JMH results give a line per transport and client API; each line of a {@code --load} file is a
 * {@code ./hotcold load --json} summary with {@code server} and {@code connections} added.
 * {@code --only} keeps the servers or transports named as the files name them ({@code piped},
 * {@code hotcold-nio}), so that each chart answers one question. {@code --relative-to SERVER} adds
 * a second panel under the rates: each series as a fraction of SERVER's round trips/s at the same
 * connection count, the ratio BENCHMARKS.md quotes, on a linear axis.
 *
 * <p>The chart is made to be read: connections on a log scale with a tick at each count measured;
 * round trips per second on a linear axis from 0 when the largest figure is at most
 * {@value #LINEAR_WITHIN} times the smallest ({@code --scale auto}, the default), on a log axis
 * with gridlines at 1, 2 and 5 times each power of ten otherwise, and each axis says which it is.
 * The legend uses the names README and BENCHMARKS.md use ({@link SeriesStyle}), a line under the
 * title explains the floor server when it is on the chart, and {@code --subtitle} lines say when
 * and where the figures were measured.
 */
public final class ThroughputChart {
    static final String USAGE = "usage: chart --out FILE.png [--jmh RESULT.json]... [--load SUMMARIES.jsonl]..."
            + " [--only NAME,...] [--relative-to SERVER] [--scale auto|log|linear] [--title TEXT]"
            + " [--subtitle TEXT]... [--width PIXELS] [--height PIXELS] [--table]";

    /** {@code --scale auto} draws rates on a linear axis when the largest is at most this many times the smallest. */
    static final int LINEAR_WITHIN = 20;

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xC8C8C8);

    private ThroughputChart() {}

    /** How round trips per second are drawn: {@code --scale}. */
    enum Scale {
        /** Linear when the figures span at most {@link #LINEAR_WITHIN} times, log otherwise. */
        AUTO,
        LOG,
        LINEAR;

        static Scale parse(String value) {
            return switch (value) {
                case "auto" -> AUTO;
                case "log" -> LOG;
                case "linear" -> LINEAR;
                default -> throw new IllegalArgumentException("--scale must be auto, log or linear, was '" + value + "'");
            };
        }

        /** The scale {@code points} are drawn on: LOG or LINEAR. */
        Scale resolve(List<Point> points) {
            if (this != AUTO) {
                return this;
            }
            double max = points.stream().mapToDouble(Point::value).max().orElse(1);
            double min = points.stream().mapToDouble(Point::value).min().orElse(1);
            return min > 0 && max <= min * LINEAR_WITHIN ? LINEAR : LOG;
        }
    }

    /**
     * What to draw.
     *
     * @param title the chart's title
     * @param subtitles lines under the title: when, where, what a series is
     * @param points the figures, round trips per second
     * @param scale how the figures are drawn
     * @param reference the server the lower panel divides by, or null for no lower panel
     * @param ratios the figures as fractions of {@code reference}'s ({@link #relativeTo}), empty without one
     */
    record Spec(String title, List<String> subtitles, List<Point> points, Scale scale, String reference,
            List<Point> ratios) {}

    /** Draws the chart the arguments describe; returns the exit status (2: usage, 1: bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        List<Path> jmhFiles = new ArrayList<>();
        List<Path> loadFiles = new ArrayList<>();
        List<String> subtitles = new ArrayList<>();
        Set<String> only = Set.of();
        String reference = null;
        Scale scale = Scale.AUTO;
        Path output = null;
        int width = 1000;
        int height = 650;
        String title = "hotcold: round trips per second";
        boolean table = false;
        try {
            FlagReader flags = new FlagReader(args, Set.of("--table"));
            while (flags.next()) {
                if (flags.isHelp()) {
                    out.println(USAGE);
                    return 0;
                }
                String flag = flags.flag();
                String value = flags.value();
                switch (flag) {
                    case "--table" -> table = true;
                    case "--jmh" -> jmhFiles.add(Path.of(value));
                    case "--load" -> loadFiles.add(Path.of(value));
                    case "--out" -> output = Path.of(value);
                    case "--width" -> width = pixels(flag, value);
                    case "--height" -> height = pixels(flag, value);
                    case "--title" -> title = value;
                    case "--subtitle" -> subtitles.add(value);
                    case "--only" -> only = names(flag, value);
                    case "--relative-to" -> reference = value;
                    case "--scale" -> scale = Scale.parse(value);
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
            return usage(err, e.getMessage());
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
            Set<String> present = new LinkedHashSet<>();
            points.forEach(point -> present.add(point.subject()));
            for (String name : only) {
                if (!present.contains(name)) {
                    return usage(err, "--only: no server or transport '" + name + "' in the files given; they have "
                            + String.join(", ", present));
                }
            }
            if (!only.isEmpty()) {
                Set<String> kept = only;
                points.removeIf(point -> !kept.contains(point.subject()));
            }
            List<Point> ratios = List.of();
            if (reference != null) {
                String server = reference;
                if (points.stream().noneMatch(point -> point.series().equals(server))) {
                    return usage(err, "--relative-to: no server '" + reference + "' in the files given"
                            + (only.isEmpty() ? "" : " and --only") + "; they have " + String.join(", ", present));
                }
                ratios = relativeTo(points, reference);
            }
            Spec spec = new Spec(title, withNotes(subtitles, points), points, scale, reference, ratios);
            ChartUtils.saveChartAsPNG(output.toFile(), chart(spec), width, height);
            out.println("chart: " + output + ", " + dataset(points).getSeriesCount() + " series, " + points.size() + " points");
            return 0;
        } catch (IOException e) {
            err.println("chart: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("chart: " + message);
        err.println(USAGE);
        return 2;
    }

    /** {@code --only}'s comma-separated names. */
    private static Set<String> names(String flag, String value) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : value.split(",", -1)) {
            if (name.isBlank()) {
                throw new IllegalArgumentException(flag + " takes names separated by commas, was '" + value + "'");
            }
            names.add(name.strip());
        }
        return names;
    }

    /** The subtitles given, then the notes of the series on the chart ({@link SeriesStyle#note()}), each once. */
    static List<String> withNotes(List<String> subtitles, List<Point> points) {
        Set<String> lines = new LinkedHashSet<>(subtitles);
        points.stream()
                .map(point -> SeriesStyle.of(point.series()).note())
                .filter(Objects::nonNull)
                .forEach(lines::add);
        return List.copyOf(lines);
    }

    /**
     * Each point as a fraction of {@code reference}'s rate at the same connection count.
     *
     * @throws IOException if the reference has no figure at a connection count another series has
     */
    static List<Point> relativeTo(List<Point> points, String reference) throws IOException {
        Map<Integer, Double> rates = new TreeMap<>();
        for (Point point : points) {
            if (point.series().equals(reference)) {
                rates.put(point.connections(), point.value());
            }
        }
        List<Point> ratios = new ArrayList<>();
        for (Point point : points) {
            Double rate = rates.get(point.connections());
            if (rate == null || rate <= 0) {
                throw new IOException("--relative-to " + reference + ": no figure of " + reference + " at "
                        + point.connections() + " connections, which " + point.series() + " has");
            }
            ratios.add(new Point(point.series(), point.connections(), point.value() / rate));
        }
        return ratios;
    }

    /** One series per name, in the legend's order ({@link SeriesStyle#order()}), points in order of connections. */
    static XYSeriesCollection dataset(List<Point> points) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        points.stream()
                .sorted(Comparator.comparingInt((Point point) -> SeriesStyle.of(point.series()).order())
                        .thenComparing(Point::series)
                        .thenComparingInt(Point::connections))
                .forEach(point -> series.computeIfAbsent(point.series(), name -> new XYSeries(name, true, true))
                        .add(point.connections(), point.value()));
        XYSeriesCollection dataset = new XYSeriesCollection();
        series.values().forEach(dataset::addSeries);
        return dataset;
    }

    /** The chart {@code spec} describes, ready to be saved: one panel of rates, and one of ratios under it with a reference. */
    static JFreeChart chart(Spec spec) {
        ValueAxis connections = connectionsAxis(spec.points());
        XYPlot rates = plot(spec.points(), rateAxis(spec.points(), spec.scale()));
        Plot plot = rates;
        if (spec.reference() == null) {
            rates.setDomainAxis(connections);
        } else {
            CombinedDomainXYPlot panels = new CombinedDomainXYPlot(connections);
            panels.setGap(16);
            panels.add(rates, 3);
            panels.add(plot(spec.ratios(), ratioAxis(spec.ratios(), spec.reference())), 2);
            panels.setOutlineVisible(false);
            plot = panels;
        }
        JFreeChart chart = new JFreeChart(spec.title(), TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        int at = 0;
        for (String line : spec.subtitles()) {
            TextTitle subtitle = new TextTitle(line, SUBTITLE_FONT);
            subtitle.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(at++, subtitle);
        }
        LegendTitle legend = new LegendTitle(rates);
        legend.setItemFont(SUBTITLE_FONT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(new RectangleInsets(8, 8, 4, 8));
        chart.addSubtitle(legend);
        return chart;
    }

    /** A panel of {@code points} against connections, each series in its {@link SeriesStyle}. */
    private static XYPlot plot(List<Point> points, ValueAxis valueAxis) {
        XYSeriesCollection dataset = dataset(points);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);   // one dash pattern along the whole line
        renderer.setLegendLine(new Line2D.Double(-15, 0, 15, 0));
        renderer.setLegendItemLabelGenerator((data, series) -> SeriesStyle.nameOf((String) data.getSeriesKey(series)));
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            SeriesStyle style = SeriesStyle.of((String) dataset.getSeriesKey(i));
            renderer.setSeriesPaint(i, style.color());
            renderer.setSeriesShape(i, style.shape());
            renderer.setSeriesStroke(i, style.stroke());
            renderer.setSeriesShapesFilled(i, true);
        }
        XYPlot plot = new XYPlot(dataset, null, valueAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /** Connections on a log scale (base 2), a tick and a gridline at each count measured and nowhere else. */
    static ValueAxis connectionsAxis(List<Point> points) {
        double[] counts = points.stream().mapToDouble(Point::connections).distinct().sorted().toArray();
        TickedLogAxis axis = new TickedLogAxis("connections (log scale)", counts, new DecimalFormat("#,##0"));
        axis.setBase(2);
        axis.setRange(counts[0] / 1.6, counts[counts.length - 1] * 1.6);
        style(axis);
        return axis;
    }

    /**
     * Round trips per second on {@code scale}: a log axis with gridlines at 1-2-5 steps from the
     * step at or below the smallest figure to the one at or above the largest, or a linear axis
     * from 0 with gridlines at the 1-2-5 step that gives at most 12 of them.
     */
    static ValueAxis rateAxis(List<Point> points, Scale scale) {
        double max = points.stream().mapToDouble(Point::value).max().orElse(1);
        if (scale.resolve(points) == Scale.LINEAR) {
            return linearAxis("round trips per second", max, new DecimalFormat("#,##0"));
        }
        double min = points.stream().mapToDouble(Point::value).filter(value -> value > 0).min().orElse(1);
        List<Double> ticks = Ticks.oneTwoFive(min, max);
        TickedLogAxis axis = new TickedLogAxis("round trips per second (log scale)",
                ticks.stream().mapToDouble(Double::doubleValue).toArray(), new DecimalFormat("#,##0"));
        axis.setBase(10);
        axis.setRange(ticks.get(0), ticks.get(ticks.size() - 1));
        style(axis);
        return axis;
    }

    /** Fractions of the reference on a linear axis from 0. */
    static ValueAxis ratioAxis(List<Point> ratios, String reference) {
        double max = ratios.stream().mapToDouble(Point::value).max().orElse(1);
        return linearAxis("fraction of " + SeriesStyle.nameOf(reference),
                Math.max(max, 1), new DecimalFormat("0.0#"));
    }

    private static NumberAxis linearAxis(String label, double max, NumberFormat format) {
        NumberAxis axis = new NumberAxis(label);
        double top = max * 1.05;
        double step = Ticks.step(top, 12);
        axis.setRange(0, Math.ceil(top / step) * step);
        axis.setTickUnit(new NumberTickUnit(step, format));
        axis.setMinorTickMarksVisible(false);
        style(axis);
        return axis;
    }

    private static void style(ValueAxis axis) {
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(Color.BLACK);
    }

    /**
     * A log axis whose ticks, labels and gridlines are exactly the values given (1, 2, 5, 10, 20,
     * ...; or 1, 16, 256), where JFreeChart's own puts them at whole powers of the base only.
     */
    static final class TickedLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private final double[] ticks;
        private final NumberFormat format;

        TickedLogAxis(String label, double[] ticks, NumberFormat format) {
            super(label);
            this.ticks = ticks.clone();
            this.format = format;
            setMinorTickMarksVisible(false);
        }

        /** The values ticked, within the axis's range. */
        double[] tickValues() {
            return Arrays.stream(ticks).filter(tick -> getRange().contains(tick)).toArray();
        }

        @Override
        public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            TextAnchor anchor;   // RectangleEdge is a class of constants, not an enum
            if (edge == RectangleEdge.LEFT) {
                anchor = TextAnchor.CENTER_RIGHT;
            } else if (edge == RectangleEdge.RIGHT) {
                anchor = TextAnchor.CENTER_LEFT;
            } else if (edge == RectangleEdge.TOP) {
                anchor = TextAnchor.BOTTOM_CENTER;
            } else {
                anchor = TextAnchor.TOP_CENTER;
            }
            return Arrays.stream(tickValues())
                    .mapToObj(tick -> new NumberTick(TickType.MAJOR, tick, format.format(tick), anchor, TextAnchor.CENTER, 0.0))
                    .toList();
        }
    }

    /**
     * A width or height in pixels, 100 to 10,000.
     *
     * @throws IllegalArgumentException naming {@code flag} when {@code value} is not one
     */
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
