package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.events.ConnectionInfo;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    /** Prometheus would drop the in-process percentiles; the endpoint does not pay for them. */
    @Test
    void roundTripsKeepTheirHistogramAndNoInProcessPercentiles() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            ConnectionInfo connection = new ConnectionInfo(1, new InetSocketAddress(InetAddress.getLoopbackAddress(), 5));
            endpoint.meters().onRoundTrip(connection, 1_500);
            HistogramSnapshot snapshot = endpoint.registry().get("hotcold.roundtrip").timer().takeSnapshot();
            assertEquals(0, snapshot.percentileValues().length, "no percentiles kept in the process");
            assertEquals(25, snapshot.histogramCounts().length, "the buckets Prometheus works them out from");
            assertTrue(endpoint.registry().scrape().contains("hotcold_roundtrip_seconds_bucket{le=\"2.0E-6\"} 1"),
                    "the round trip is in its bucket");
        }
    }
}
