package dev.hotcold.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotcold.micrometer.HotColdMeters;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code serve --metrics-port}: the server's meters ({@link HotColdMeters}) and a few of the JVM's
 * in a Prometheus registry, served as Prometheus text at {@code /metrics} by the JDK's own HTTP
 * server on one thread of its own.
 */
final class MetricsEndpoint implements AutoCloseable {
    /** Where the scrape is served. */
    static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HotColdMeters meters;
    private final HttpServer http;
    private final ExecutorService executor;

    private MetricsEndpoint(InetSocketAddress address) throws IOException {
        // Prometheus publishes histograms and drops in-process percentiles: none are computed.
        registry.config().meterFilter(HotColdMeters.histogramsOnly());
        // Untagged: Prometheus labels each series with the instance it scraped.
        meters = new HotColdMeters(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        http = HttpServer.create(address, 16);
        http.createContext(PATH, this::scrape);
        http.createContext("/", MetricsEndpoint::notFound);
        executor = Executors.newSingleThreadExecutor(runnable -> Thread.ofPlatform().daemon()
                .name("hotcold-metrics").unstarted(runnable));
        http.setExecutor(executor);
    }

    /**
     * Binds {@code address} and starts serving.
     *
     * @throws IOException if the address cannot be bound, the message naming it
     */
    static MetricsEndpoint start(InetSocketAddress address) throws IOException {
        MetricsEndpoint endpoint;
        try {
            endpoint = new MetricsEndpoint(address);
        } catch (IOException e) {
            throw new IOException("cannot serve metrics on " + address.getHostString() + ":" + address.getPort()
                    + " (--metrics-port): " + e.getMessage(), e);
        }
        endpoint.http.start();
        return endpoint;
    }

    /** The registry the scrape is made from. */
    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The observer to give the game server. */
    HotColdMeters meters() {
        return meters;
    }

    /** Where the endpoint listens: the port is the one bound, if 0 was asked for. */
    InetSocketAddress address() {
        return http.getAddress();
    }

    private void scrape(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = ("not found: the metrics are at " + PATH + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving at once (a scrape in progress is cut) and releases the port and thread. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        registry.close();
    }
}
