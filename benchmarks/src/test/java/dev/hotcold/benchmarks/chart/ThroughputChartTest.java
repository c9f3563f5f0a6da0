package dev.hotcold.benchmarks.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import dev.hotcold.benchmarks.chart.ThroughputChart.Scale;
import dev.hotcold.benchmarks.chart.ThroughputChart.Spec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThroughputChartTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void readsRoundTripRatesFromJmhResults() throws Exception {
        List<Point> points = ResultFiles.jmh(fixture("jmh-result.json"));
        // The core benchmark has no roundTrips counter and is left out.
        assertEquals(List.of(
                new Point("nio/AsyncGame", 1, 41124),
                new Point("netty/AsyncGame", 1, 3774),
                new Point("nio/AsyncGame", 16, 72925),
                new Point("netty/AsyncGame", 16, 1045),
                new Point("direct/Game", 1, 42022)), points);
    }

    @Test
    void readsLoadSummariesSkippingBlankLines() throws Exception {
        assertEquals(List.of(
                new Point("floor", 16, 150000.0),
                new Point("floor", 256, 160000.5),
                new Point("nio", 16, 140000.0)), ResultFiles.load(fixture("load.jsonl")));
    }

    @Test
    void oneSeriesPerServerInOrderOfConnections() throws Exception {
        XYSeriesCollection dataset = ThroughputChart.dataset(List.of(
                new Point("b", 256, 3), new Point("a", 16, 2), new Point("b", 1, 1)));
        assertEquals(2, dataset.getSeriesCount());
        XYSeries b = dataset.getSeries("b");
        assertEquals(1.0, b.getX(0).doubleValue());
        assertEquals(256.0, b.getX(1).doubleValue());
        assertEquals(3.0, b.getY(1).doubleValue());
    }

    @Test
    void theLegendOrderIsReadmesAndTheClientApiFollowsItsTransport() {
        XYSeriesCollection dataset = ThroughputChart.dataset(List.of(new Point("piped/Game", 1, 1),
                new Point("nio/AsyncGame", 1, 1), new Point("netty/Game", 1, 1), new Point("nio/Game", 1, 1)));
        assertEquals(List.of("nio/Game", "nio/AsyncGame", "netty/Game", "piped/Game"), keys(dataset));
    }

    @Test
    void theLegendNamesTheSeriesAsReadmeDoes() {
        JFreeChart chart = ThroughputChart.chart(spec(List.of(new Point("piped/Game", 1, 5e5),
                new Point("direct/Game", 1, 4.8e6), new Point("piped/AsyncGame", 16, 1.6e6)), Scale.AUTO, null));
        List<String> labels = new ArrayList<>();
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("in-memory: Game", "in-memory: AsyncGame", "DirectConnection: Game"), labels);
    }

    @Test
    void ratesWithinTwentyTimesEachOtherGoOnALinearAxisFromZero() {
        ValueAxis axis = ThroughputChart.rateAxis(List.of(new Point("floor", 16, 161_624),
                new Point("python-threads", 1024, 10_716)), Scale.AUTO);
        assertFalse(axis instanceof LogAxis, axis.getClass().getName());
        assertEquals("round trips per second", axis.getLabel());
        assertEquals(0.0, axis.getLowerBound());
        assertEquals(180_000.0, axis.getUpperBound());
        assertEquals(20_000.0, ((NumberAxis) axis).getTickUnit().getSize());
    }

    @Test
    void widerRatesGoOnALogAxisSaidToBeOneWithTicksAtOneTwoFiveSteps() {
        ValueAxis axis = ThroughputChart.rateAxis(List.of(new Point("nio/Game", 1, 8_024),
                new Point("nio/AsyncGame", 256, 163_291)), Scale.AUTO);
        assertEquals("round trips per second (log scale)", axis.getLabel());
        assertArrayEquals(new double[] {5_000, 10_000, 20_000, 50_000, 100_000, 200_000},
                ((ThroughputChart.TickedLogAxis) axis).tickValues());
    }

    @Test
    void scaleOverridesTheChoice() {
        List<Point> narrow = List.of(new Point("floor", 16, 100_000), new Point("netty", 16, 90_000));
        assertTrue(ThroughputChart.rateAxis(narrow, Scale.LOG) instanceof LogAxis);
        assertFalse(ThroughputChart.rateAxis(narrow, Scale.LINEAR) instanceof LogAxis);
        assertFalse(ThroughputChart.rateAxis(narrow, Scale.AUTO) instanceof LogAxis);
    }

    @Test
    void connectionsAreOnALogAxisTickedAtEachCountMeasured() {
        ThroughputChart.TickedLogAxis axis = (ThroughputChart.TickedLogAxis) ThroughputChart.connectionsAxis(List.of(
                new Point("floor", 16, 1), new Point("floor", 1024, 1), new Point("netty", 256, 1)));
        assertEquals("connections (log scale)", axis.getLabel());
        assertArrayEquals(new double[] {16, 256, 1024}, axis.tickValues());
    }

    @Test
    void relativeToDividesEachFigureByTheReferencesAtTheSameConnections() throws Exception {
        List<Point> ratios = ThroughputChart.relativeTo(List.of(new Point("floor", 16, 200_000),
                new Point("floor", 256, 100_000), new Point("hotcold-nio", 16, 150_000),
                new Point("hotcold-nio", 256, 103_000)), "floor");
        assertEquals(List.of(new Point("floor", 16, 1.0), new Point("floor", 256, 1.0),
                new Point("hotcold-nio", 16, 0.75), new Point("hotcold-nio", 256, 1.03)), ratios);
    }

    @Test
    void relativeToNeedsTheReferenceAtEveryConnectionCount() {
        IOException e = assertThrows(IOException.class, () -> ThroughputChart.relativeTo(List.of(
                new Point("floor", 16, 200_000), new Point("netty", 256, 1)), "floor"));
        assertTrue(e.getMessage().contains("no figure of floor at 256 connections, which netty has"), e.getMessage());
    }

    @Test
    void relativeToDrawsTheRatiosInASecondPanelUnderTheRates() throws Exception {
        List<Point> points = List.of(new Point("floor", 16, 200_000), new Point("hotcold-nio", 16, 150_000));
        JFreeChart chart = ThroughputChart.chart(new Spec("t", List.of(), points, Scale.AUTO, "floor",
                ThroughputChart.relativeTo(points, "floor")));
        CombinedDomainXYPlot panels = (CombinedDomainXYPlot) chart.getPlot();
        assertEquals(2, panels.getSubplots().size());
        XYPlot ratios = panels.getSubplots().get(1);
        assertEquals("fraction of floor (C, epoll)", ratios.getRangeAxis().getLabel());
        assertEquals(0.75, ratios.getDataset().getYValue(1, 0));
        // One legend, of the rates panel: each server once.
        assertEquals(2, chart.getLegend().getSources()[0].getLegendItems().getItemCount());
    }

    @Test
    void theFloorIsExplainedUnderTheTitleWheneverItIsOnTheChart() {
        List<String> subtitles = List.of("2026-12-01, 2 cores");
        assertEquals(List.of("2026-12-01, 2 cores", SeriesStyle.FLOOR_NOTE), ThroughputChart.withNotes(subtitles,
                List.of(new Point("floor", 16, 1), new Point("floor", 256, 1), new Point("netty", 16, 1))));
        assertEquals(subtitles, ThroughputChart.withNotes(subtitles, List.of(new Point("netty", 16, 1))));
    }

    @Test
    void onlyKeepsTheServersOrTransportsNamed() throws Exception {
        Path png = dir.resolve("only.png");
        assertEquals(0, run("--jmh", fixture("jmh-result.json").toString(), "--load", fixture("load.jsonl").toString(),
                "--only", "nio,direct", "--out", png.toString()), err.toString(StandardCharsets.UTF_8));
        // nio/AsyncGame at 1 and 16 (JMH), direct/Game at 1, and the load file's nio at 16.
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("3 series, 4 points"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onlyNamingWhatTheFilesDoNotHaveIsAUsageErrorThatListsWhatTheyHave() throws Exception {
        Path png = dir.resolve("none.png");
        assertEquals(2, run("--jmh", fixture("jmh-result.json").toString(), "--only", "nio,pipe", "--out", png.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
                "chart: --only: no server or transport 'pipe' in the files given; they have nio, netty, direct"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(png));
    }

    @Test
    void anEmptyNameInOnlyIsAUsageError() throws Exception {
        assertEquals(2, run("--jmh", fixture("jmh-result.json").toString(), "--only", "nio,", "--out", dir.resolve("x.png").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--only takes names separated by commas, was 'nio,'"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void relativeToAServerNotInTheFilesIsAUsageError() throws Exception {
        Path png = dir.resolve("none.png");
        assertEquals(2, run("--load", fixture("load.jsonl").toString(), "--relative-to", "flor", "--out", png.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--relative-to: no server 'flor' in the files given"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(png));
    }

    @Test
    void aBadScaleNamesTheFlag() throws Exception {
        assertEquals(2, run("--load", fixture("load.jsonl").toString(), "--out", dir.resolve("x.png").toString(), "--scale", "loud"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--scale must be auto, log or linear, was 'loud'"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownFlagIsNamed() throws Exception {
        assertEquals(2, run("--load", fixture("load.jsonl").toString(), "--out", dir.resolve("x.png").toString(), "--colour", "red"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("chart: unknown option --colour"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(ThroughputChart.USAGE));
    }

    @Test
    void pixelsNamesTheFlagWhenTheValueIsOutOfRange() {
        assertEquals(640, ThroughputChart.pixels("--width", "640"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThroughputChart.pixels("--height", "50"));
        assertEquals("--height must be in [100, 10000], was 50", e.getMessage());
    }

    @Test
    void relativeToFromTheCommandLineWritesTheChart() throws Exception {
        Path png = dir.resolve("serving.png");
        assertEquals(0, run("--load", fixture("load.jsonl").toString(), "--relative-to", "floor", "--out", png.toString(),
                "--subtitle", "2026-12-01, 2 cores"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1000, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void writesAPngOfTheAskedSize() throws Exception {
        Path png = dir.resolve("chart.png");
        int status = run("--jmh", fixture("jmh-result.json").toString(), "--load", fixture("load.jsonl").toString(),
                "--out", png.toString(), "--width", "640", "--height", "400");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("5 series, 8 points"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tableGivesBytesPerRoundTripFromTheGcProfiler() throws Exception {
        Path json = dir.resolve("gc.json");
        Files.writeString(json, """
                [{"benchmark": "dev.hotcold.benchmarks.transport.BlockingGamesBenchmark.games",
                  "params": {"clients": "16", "transport": "nio"},
                  "primaryMetric": {"score": 10.0, "scoreUnit": "ops/s"},
                  "secondaryMetrics": {
                    "games": {"score": 160.0}, "roundTrips": {"score": 8000.0},
                    "gc.alloc.rate.norm": {"score": 40000.0}}}]
                """);
        assertEquals(0, run("--jmh", json.toString(), "--table"));
        // 40,000 B per operation, 800 round trips per operation: 50 B per round trip.
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("| nio | Game | 16 | 160 | 8,000 | 50 |"),
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingOutputIsAUsageError() throws Exception {
        assertEquals(2, run("--jmh", fixture("jmh-result.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out is required"));
    }

    @Test
    void badWidthNamesTheFlag() throws Exception {
        assertEquals(2, run("--load", fixture("load.jsonl").toString(), "--out", dir.resolve("x.png").toString(), "--width", "wide"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--width must be an integer, was 'wide'"));
    }

    @Test
    void aBadLoadLineIsReportedWithItsLineNumber() throws Exception {
        Path load = dir.resolve("bad.jsonl");
        Files.writeString(load, "{\"server\":\"nio\",\"connections\":1,\"roundtrips_per_s\":5}\n{\"server\":\"nio\"}\n");
        Path png = dir.resolve("none.png");
        assertEquals(1, run("--load", load.toString(), "--out", png.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(load + ":2: no 'connections' field"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(png));
    }

    @Test
    void aFileThatIsNotJmhJsonIsRejected() throws Exception {
        Path json = dir.resolve("result.json");
        Files.writeString(json, "{\"not\": \"an array\"}");
        assertEquals(1, run("--jmh", json.toString(), "--out", dir.resolve("x.png").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a JMH JSON result"));
    }

    private static Spec spec(List<Point> points, Scale scale, String reference) {
        return new Spec("t", List.of(), points, scale, reference, List.of());
    }

    private static List<String> keys(XYSeriesCollection dataset) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            keys.add((String) dataset.getSeriesKey(i));
        }
        return keys;
    }

    private int run(String... args) {
        return ThroughputChart.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ThroughputChartTest.class.getResource("/chart/" + name).toURI());
    }
}
