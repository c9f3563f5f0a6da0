package dev.hotcold.benchmarks.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
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
                new Point("nio, AsyncGame", 1, 41124),
                new Point("netty, AsyncGame", 1, 3774),
                new Point("nio, AsyncGame", 16, 72925),
                new Point("netty, AsyncGame", 16, 1045),
                new Point("direct, Game", 1, 42022)), points);
    }

    @Test
    void readsLoadSummariesSkippingBlankLines() throws Exception {
        assertEquals(List.of(
                new Point("floor (load)", 16, 150000.0),
                new Point("floor (load)", 256, 160000.5),
                new Point("nio (load)", 16, 140000.0)), ResultFiles.load(fixture("load.jsonl")));
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
        assertEquals(2, run("--load", fixture("load.jsonl").toString(), "--out", "x.png", "--width", "wide"));
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

    private int run(String... args) {
        return ThroughputChart.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ThroughputChartTest.class.getResource("/chart/" + name).toURI());
    }
}
