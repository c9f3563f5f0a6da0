package dev.hotcold.benchmarks.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesStyleTest {
    private static final List<String> SOCKET_SERIES = List.of("nio/Game", "nio/AsyncGame", "blocking-virtual/Game",
            "blocking-virtual/AsyncGame", "blocking-platform/Game", "blocking-platform/AsyncGame", "netty/Game",
            "netty/AsyncGame");
    private static final List<String> IN_MEMORY_SERIES = List.of("piped/Game", "piped/AsyncGame", "direct/Game");
    private static final List<String> SERVERS = List.of("floor", "hotcold-nio", "hotcold-nio-1-loop",
            "hotcold-blocking-virtual", "hotcold-blocking-platform", "plain-virtual", "netty", "python-threads", "python-asyncio");

    @Test
    void theResultFilesNamesBecomeTheNamesReadmeUses() {
        assertEquals("in-memory: Game", SeriesStyle.nameOf("piped/Game"));
        assertEquals("DirectConnection: Game", SeriesStyle.nameOf("direct/Game"));
        assertEquals("NIO: AsyncGame", SeriesStyle.nameOf("nio/AsyncGame"));
        assertEquals("blocking, virtual threads: Game", SeriesStyle.nameOf("blocking-virtual/Game"));
        assertEquals("Netty 4.2 reference: Game", SeriesStyle.nameOf("netty/Game"));
        assertEquals("floor (C, epoll)", SeriesStyle.nameOf("floor"));
        assertEquals("hotcold NIO, --loops 1", SeriesStyle.nameOf("hotcold-nio-1-loop"));
        assertEquals("hotcold blocking, platform threads", SeriesStyle.nameOf("hotcold-blocking-platform"));
        assertEquals("Python, asyncio", SeriesStyle.nameOf("python-asyncio"));
    }

    @Test
    void aSeriesItDoesNotKnowKeepsItsName() {
        assertEquals("rust-tokio", SeriesStyle.nameOf("rust-tokio"));
        assertEquals("uds: Game", SeriesStyle.nameOf("uds/Game"));
    }

    @Test
    void onlyTheFloorCarriesANoteSayingWhatItIs() {
        assertTrue(SeriesStyle.of("floor").note().contains("../shared/yardstick"), SeriesStyle.of("floor").note());
        assertNull(SeriesStyle.of("hotcold-nio").note());
        assertNull(SeriesStyle.of("nio/Game").note());
    }

    @Test
    void everySeriesOfAChartStaysApartInGreyscale() {
        for (List<String> chart : List.of(SOCKET_SERIES, IN_MEMORY_SERIES, SERVERS)) {
            Set<String> looks = new HashSet<>();
            for (String series : chart) {
                SeriesStyle style = SeriesStyle.of(series);
                assertTrue(looks.add(outline(style) + " " + Arrays.toString(style.dash())),
                        series + " has the marker and line of another series in " + chart);
            }
        }
    }

    @Test
    void everyServerAndEveryTransportHasAColourOfItsOwn() {
        for (List<String> chart : List.of(SOCKET_SERIES.stream().filter(s -> s.endsWith("/Game")).toList(),
                IN_MEMORY_SERIES.stream().filter(s -> s.endsWith("/Game")).toList(), SERVERS)) {
            Set<Color> colours = new HashSet<>();
            for (String series : chart) {
                assertTrue(colours.add(SeriesStyle.of(series).color()), series + " shares a colour in " + chart);
            }
        }
    }

    @Test
    void theClientApiIsTheLinePattern() {
        SeriesStyle game = SeriesStyle.of("nio/Game");
        SeriesStyle async = SeriesStyle.of("nio/AsyncGame");
        assertEquals(game.color(), async.color());
        assertNull(game.dash());
        assertTrue(async.dash() != null);
        assertTrue(game.order() < async.order());
    }

    /** The marker's outline, as coordinates: two markers look alike in print when these are equal. */
    private static String outline(SeriesStyle style) {
        List<String> points = new ArrayList<>();
        double[] coords = new double[6];
        for (PathIterator it = style.shape().getPathIterator(new AffineTransform()); !it.isDone(); it.next()) {
            int type = it.currentSegment(coords);
            points.add(type + ":" + Math.round(coords[0] * 10) + "," + Math.round(coords[1] * 10));
        }
        return String.join(" ", points);
    }
}
