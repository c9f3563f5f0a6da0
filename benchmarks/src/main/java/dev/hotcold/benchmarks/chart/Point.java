package dev.hotcold.benchmarks.chart;

/**
 * One figure of a chart: a server, or a transport and client API, at a connection count.
 *
 * @param series what was measured, as the result files name it: a {@code load} summary's
 *     {@code server} ({@code floor}, {@code hotcold-nio}, ...), or a JMH {@code transport}
 *     parameter and the client API, {@code nio/AsyncGame}; {@link SeriesStyle} names it for readers
 * @param connections connections (JMH's {@code clients})
 * @param value round trips per second, or a ratio once {@link ThroughputChart} has made one
 */
record Point(String series, int connections, double value) {
    /** The server or transport alone, without the client API: what {@code --only} selects. */
    String subject() {
        int slash = series.indexOf('/');
        return slash < 0 ? series : series.substring(0, slash);
    }
}
