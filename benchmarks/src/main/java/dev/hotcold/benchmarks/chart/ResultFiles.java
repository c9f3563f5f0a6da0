package dev.hotcold.benchmarks.chart;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the chart's inputs: JMH's JSON result and files of {@code load} summary lines. */
final class ResultFiles {
    private ResultFiles() {}

    /**
     * The round-trip rates in a JMH result ({@code -rf json -rff FILE}): every benchmark with a
     * {@code roundTrips} counter. The series is the {@code transport} parameter ({@code direct}
     * for the direct benchmark, which has none) and the client API, {@code nio/AsyncGame};
     * connections are the {@code clients} parameter, 1 without one.
     */
    static List<Point> jmh(Path file) throws IOException {
        JsonElement root = parse(file);
        if (!root.isJsonArray()) {
            throw new IOException(file + ": not a JMH JSON result (expected an array of benchmarks)");
        }
        List<Point> points = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray()) {
            JsonObject result = element.getAsJsonObject();
            JsonObject secondary = result.getAsJsonObject("secondaryMetrics");
            if (secondary == null || !secondary.has("roundTrips")) {
                continue;
            }
            String benchmark = result.get("benchmark").getAsString();
            JsonObject params = result.has("params") ? result.getAsJsonObject("params") : new JsonObject();
            String transport = params.has("transport") ? params.get("transport").getAsString() : "direct";
            int clients = params.has("clients") ? Integer.parseInt(params.get("clients").getAsString()) : 1;
            double rate = secondary.getAsJsonObject("roundTrips").get("score").getAsDouble();
            points.add(new Point(transport + "/" + api(benchmark), clients, rate));
        }
        return points;
    }

    /**
     * One table row per transport benchmark result: games/s, round trips/s and bytes allocated
     * per round trip, which is {@code gc.alloc.rate.norm} (bytes per operation, with
     * {@code -prof gc}) times operations per round trip; NaN without {@code -prof gc}.
     */
    static List<TableRow> jmhTable(Path file) throws IOException {
        JsonElement root = parse(file);
        if (!root.isJsonArray()) {
            throw new IOException(file + ": not a JMH JSON result (expected an array of benchmarks)");
        }
        List<TableRow> rows = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray()) {
            JsonObject result = element.getAsJsonObject();
            JsonObject secondary = result.getAsJsonObject("secondaryMetrics");
            if (secondary == null || !secondary.has("roundTrips") || !secondary.has("games")) {
                continue;
            }
            String benchmark = result.get("benchmark").getAsString();
            JsonObject params = result.has("params") ? result.getAsJsonObject("params") : new JsonObject();
            String transport = params.has("transport") ? params.get("transport").getAsString() : "direct";
            int clients = params.has("clients") ? Integer.parseInt(params.get("clients").getAsString()) : 1;
            double ops = result.getAsJsonObject("primaryMetric").get("score").getAsDouble();
            double roundTrips = score(secondary, "roundTrips");
            double bytesPerOp = secondary.has("gc.alloc.rate.norm") ? score(secondary, "gc.alloc.rate.norm") : Double.NaN;
            rows.add(new TableRow(transport, api(benchmark), clients, score(secondary, "games"), roundTrips,
                    bytesPerOp * ops / roundTrips));
        }
        return rows;
    }

    private static double score(JsonObject metrics, String name) {
        return metrics.getAsJsonObject(name).get("score").getAsDouble();
    }

    /** The client API a transport benchmark plays through, from its class name. */
    private static String api(String benchmark) {
        String[] parts = benchmark.split("\\.");
        String className = parts.length >= 2 ? parts[parts.length - 2] : benchmark;
        return className.startsWith("Async") ? "AsyncGame" : "Game";
    }

    /**
     * The figures in a file of {@code load} summaries, one JSON object per line with at least
     * {@code server}, {@code connections} and {@code roundtrips_per_s}; blank lines are skipped.
     */
    static List<Point> load(Path file) throws IOException {
        List<Point> points = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            try {
                JsonObject summary = JsonParser.parseString(line).getAsJsonObject();
                for (String field : List.of("server", "connections", "roundtrips_per_s")) {
                    if (!summary.has(field)) {
                        throw new IOException(where + ": no '" + field + "' field");
                    }
                }
                points.add(new Point(summary.get("server").getAsString(), summary.get("connections").getAsInt(),
                        summary.get("roundtrips_per_s").getAsDouble()));
            } catch (JsonParseException | IllegalStateException | NumberFormatException | UnsupportedOperationException e) {
                throw new IOException(where + ": not a load summary object: " + e.getMessage(), e);
            }
        }
        return points;
    }

    private static JsonElement parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw new IOException(file + ": not JSON: " + e.getMessage(), e);
        }
    }
}
