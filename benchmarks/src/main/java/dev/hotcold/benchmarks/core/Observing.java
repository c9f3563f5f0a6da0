package dev.hotcold.benchmarks.core;

import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.micrometer.HotColdMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * What {@link ConnectionRoundTripBenchmark} observes a server with, apart from the benchmark so
 * that its {@code nothing} row loads none of it.
 */
final class Observing {
    private Observing() {}

    /**
     * Starts a recording in memory: the JDK's {@code default} settings, or those with every hotcold
     * event on, the per-round-trip one too.
     */
    static Recording jfr(boolean everyHotColdEvent) throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("default"));
        if (everyHotColdEvent) {
            for (String name : new String[] {"ConnectionAdmitted", "ConnectionRefused", "ConnectionClosed",
                    "GameFinished", "ProtocolError", "RoundTrip", "UserCodeFailure", "ClientCut"}) {
                recording.enable("dev.hotcold." + name).withThreshold(Duration.ZERO);
            }
        }
        recording.setToDisk(false);
        recording.start();
        return recording;
    }

    /** {@code config} with hotcold-micrometer's meters in a {@link SimpleMeterRegistry}. */
    static ServerConfig.Builder meters(ServerConfig.Builder config) {
        return config.observer(new HotColdMeters(new SimpleMeterRegistry()));
    }

    /**
     * {@code config} with hotcold-micrometer's meters as {@code serve --metrics-port} keeps them: in
     * a {@link SimpleMeterRegistry} with {@link HotColdMeters#histogramsOnly()}, the histograms
     * without the percentiles a Prometheus registry would leave out anyway.
     */
    static ServerConfig.Builder histogramMeters(ServerConfig.Builder config) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(HotColdMeters.histogramsOnly());
        return config.observer(new HotColdMeters(registry));
    }
}
