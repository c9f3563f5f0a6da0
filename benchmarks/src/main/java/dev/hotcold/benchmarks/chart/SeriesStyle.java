package dev.hotcold.benchmarks.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;

/**
 * How a series looks and what it is called: the one place that turns the names in the result
 * files ({@code piped}, {@code direct}, {@code hotcold-nio}) into the names README and
 * BENCHMARKS.md use. Colours are Okabe and Ito's palette, told apart by readers with any kind of
 * colour blindness; each server or transport also has a marker shape of its own, and the pairs
 * whose colours are close have different line patterns, so that a greyscale print keeps every
 * series apart. For transports the client API is the line pattern: solid for the blocking
 * {@code Game}, dashed for {@code AsyncGame}.
 *
 * @param name the name in the legend
 * @param color the line's and the marker's colour
 * @param shape the marker
 * @param dash the line's dash pattern, or null for a solid line
 * @param order where the series comes in the legend
 * @param note what a reader needs to know to read the series (a line under the title), or null
 */
record SeriesStyle(String name, Color color, Shape shape, float[] dash, int order, String note) {
    static final Color BLACK = new Color(0x000000);
    static final Color ORANGE = new Color(0xE69F00);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color BLUISH_GREEN = new Color(0x009E73);
    static final Color BLUE = new Color(0x0072B2);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** Okabe and Ito's yellow (F0E442) is too pale on white; a dark grey takes its place. */
    static final Color GREY = new Color(0x6E6E6E);
    /** Okabe and Ito's yellow darkened until it reads on white: hotcold on Netty. */
    static final Color DARK_YELLOW = new Color(0x9A8A00);
    /** Bluish green darkened: the plain JDK server beside hotcold's blocking transport. */
    static final Color DARK_GREEN = new Color(0x00574A);

    private static final float[] DASHED = {8f, 5f};
    private static final float[] DOTTED = {2f, 4f};
    private static final float[] LONG_DASHED = {14f, 6f};

    static final String FLOOR_NOTE = "floor: the C floor server of ../shared/yardstick (one epoll thread, no"
            + " allocation), as fast as a server can answer on this machine; a ratio to it reads as efficiency";

    private record Look(String name, Color color, Shape shape, float[] dash, String note) {
        Look(String name, Color color, Shape shape) {
            this(name, color, shape, null, null);
        }
    }

    /** Servers under {@code ./hotcold load}, by their {@code server} field, in BENCHMARKS.md's order and words. */
    private static final List<Map.Entry<String, Look>> SERVERS = List.of(
            Map.entry("floor", new Look("floor (C, epoll)", BLACK, square(), LONG_DASHED, FLOOR_NOTE)),
            Map.entry("hotcold-nio", new Look("hotcold NIO", BLUE, circle())),
            Map.entry("hotcold-nio-1-loop", new Look("hotcold NIO, --loops 1", SKY_BLUE, diamond(), DASHED, null)),
            Map.entry("hotcold-blocking-virtual", new Look("hotcold blocking, virtual threads", BLUISH_GREEN, triangleUp())),
            Map.entry("hotcold-blocking-platform", new Look("hotcold blocking, platform threads", ORANGE, triangleDown())),
            Map.entry("plain-virtual", new Look("plain JDK server, virtual threads", DARK_GREEN, triangleDown(), DOTTED, null)),
            Map.entry("hotcold-netty-io_uring", new Look("hotcold on Netty, io_uring", DARK_YELLOW, circle())),
            Map.entry("hotcold-netty-epoll", new Look("hotcold on Netty, epoll", DARK_YELLOW, diamond(), DASHED, null)),
            Map.entry("netty", new Look("Netty 4.2 reference", VERMILLION, diagonalCross())),
            Map.entry("netty-epoll", new Look("Netty 4.2 reference, epoll", VERMILLION, diamond(), DASHED, null)),
            Map.entry("netty-io_uring", new Look("Netty 4.2 reference, io_uring", VERMILLION, circle(), DOTTED, null)),
            Map.entry("python-threads", new Look("Python, threads", REDDISH_PURPLE, cross(), DOTTED, null)),
            Map.entry("python-asyncio", new Look("Python, asyncio", GREY, square(), DASHED, null)));

    /**
     * JMH's {@code transport} parameter in README's words: {@code piped} is the in-memory
     * transport (its bounded pipes), {@code direct} the {@code DirectConnection} benchmark.
     */
    private static final List<Map.Entry<String, Look>> TRANSPORTS = List.of(
            Map.entry("nio", new Look("NIO", BLUE, circle())),
            Map.entry("blocking-virtual", new Look("blocking, virtual threads", BLUISH_GREEN, triangleUp())),
            Map.entry("blocking-platform", new Look("blocking, platform threads", ORANGE, triangleDown())),
            Map.entry("hotcold-netty", new Look("hotcold on Netty (io_uring)", DARK_YELLOW, circle())),
            Map.entry("netty", new Look("Netty 4.2 reference", VERMILLION, diagonalCross())),
            Map.entry("piped", new Look("in-memory", REDDISH_PURPLE, diamond())),
            Map.entry("direct", new Look("DirectConnection", BLACK, square())));

    /**
     * The style of {@code series} (a {@link Point#series()}: a server, or a transport and client
     * API, {@code nio/AsyncGame}); a series this class does not know keeps its own name and gets
     * a grey look.
     */
    static SeriesStyle of(String series) {
        int slash = series.indexOf('/');
        if (slash >= 0) {
            String transport = series.substring(0, slash);
            String api = series.substring(slash + 1);
            int index = indexOf(TRANSPORTS, transport);
            Look look = index >= 0 ? TRANSPORTS.get(index).getValue() : new Look(transport, GREY, cross());
            boolean async = api.startsWith("Async");
            return new SeriesStyle(look.name() + ": " + api, look.color(), look.shape(), async ? DASHED : null,
                    (index >= 0 ? index : TRANSPORTS.size()) * 2 + (async ? 1 : 0), look.note());
        }
        int index = indexOf(SERVERS, series);
        Look look = index >= 0 ? SERVERS.get(index).getValue() : new Look(series, GREY, cross());
        return new SeriesStyle(look.name(), look.color(), look.shape(), look.dash(),
                index >= 0 ? index : SERVERS.size(), look.note());
    }

    /** The name readers know a server, transport or series by. */
    static String nameOf(String series) {
        return of(series).name();
    }

    /** The line: 2 px, solid or dashed. */
    Stroke stroke() {
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    private static int indexOf(List<Map.Entry<String, Look>> looks, String key) {
        for (int i = 0; i < looks.size(); i++) {
            if (looks.get(i).getKey().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static Shape circle() {
        return new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    }

    private static Shape square() {
        return new Rectangle2D.Double(-4, -4, 8, 8);
    }

    private static Shape diamond() {
        return polygon(0, -5.5, 5.5, 0, 0, 5.5, -5.5, 0);
    }

    private static Shape triangleUp() {
        return polygon(0, -5.5, 5, 4.5, -5, 4.5);
    }

    private static Shape triangleDown() {
        return polygon(0, 5.5, 5, -4.5, -5, -4.5);
    }

    private static Shape diagonalCross() {
        AffineTransform turn = AffineTransform.getRotateInstance(Math.PI / 4);
        return turn.createTransformedShape(cross());
    }

    private static Shape cross() {
        return polygon(-1.5, -5, 1.5, -5, 1.5, -1.5, 5, -1.5, 5, 1.5, 1.5, 1.5, 1.5, 5, -1.5, 5, -1.5, 1.5, -5, 1.5,
                -5, -1.5, -1.5, -1.5);
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }
}
