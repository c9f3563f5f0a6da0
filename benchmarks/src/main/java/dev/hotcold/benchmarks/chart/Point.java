package dev.hotcold.benchmarks.chart;

/** One figure of the chart: a server (or transport and client API) at a connection count. */
record Point(String series, int connections, double roundTripsPerSecond) {}
