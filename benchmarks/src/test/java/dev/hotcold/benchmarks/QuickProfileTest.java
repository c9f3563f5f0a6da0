package dev.hotcold.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The quick profile: every benchmark once, in one short fork each, with {@code -prof gc}, so
 * that {@code mvn verify} fails when a benchmark throws or stops producing figures. The figures
 * themselves mean nothing at these lengths; the full profile (BENCHMARKS.md) is for those.
 */
class QuickProfileTest {
    /** The transport suites' connection counts in the quick profile; 256 is left to the full one. */
    private static final String[] QUICK_CLIENTS = {"1", "16"};

    @Test
    void everyBenchmarkRunsAndReportsAFigure() throws Exception {
        // -Dbenchmarks.quick.include=REGEX narrows the run while working on one suite.
        String include = System.getProperty("benchmarks.quick.include", "dev\\.hotcold\\.benchmarks\\..*");
        OptionsBuilder builder = new OptionsBuilder();
        if (Runtime.version().feature() >= 23) {
            // JMH 1.37 calls sun.misc.Unsafe, which JDK 23+ warns about in every fork.
            builder.jvmArgsAppend("--sun-misc-unsafe-memory-access=allow");
        }
        Options options = builder
                .include(include)
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .param("clients", QUICK_CLIENTS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        long started = System.nanoTime();
        Collection<RunResult> results = new Runner(options).run();
        System.out.printf("quick profile: %d benchmarks in %.1f s%n", results.size(), (System.nanoTime() - started) / 1e9);

        Set<BenchmarkListEntry> benchmarks = BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(include), List.of());
        assertEquals(expectedRuns(benchmarks), results.size(), "one result per benchmark and parameter combination");
        Set<String> names = benchmarks.stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
        Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, ran);
        for (RunResult run : results) {
            String what = run.getParams().getBenchmark() + " " + run.getParams().getParamsKeys().stream()
                    .map(key -> key + "=" + run.getParams().getParam(key)).collect(Collectors.joining(","));
            double score = run.getPrimaryResult().getScore();
            System.out.printf("  %-70s %14.3f %s%n", what, score, run.getPrimaryResult().getScoreUnit());
            assertTrue(score > 0 && Double.isFinite(score), what + ": score " + score);
            var secondary = run.getSecondaryResults();
            assertTrue(secondary.containsKey("gc.alloc.rate.norm"), what + ": no gc.alloc.rate.norm");
            if (run.getParams().getBenchmark().contains(".transport.") && run.getParams().getBenchmark().endsWith(".games")) {
                // The games suites count games and round trips beside their operations.
                assertTrue(secondary.get("roundTrips").getScore() > 0, what + ": no round trips");
                assertTrue(secondary.get("games").getScore() > 0, what + ": no games");
            }
        }
    }

    /** Runs the options ask for: each benchmark once per combination of its parameters. */
    private static int expectedRuns(Set<BenchmarkListEntry> benchmarks) {
        int runs = 0;
        for (BenchmarkListEntry benchmark : benchmarks) {
            int combinations = 1;
            for (Map.Entry<String, String[]> param : benchmark.getParams().orElse(Map.of()).entrySet()) {
                combinations *= param.getKey().equals("clients") ? QUICK_CLIENTS.length : param.getValue().length;
            }
            runs += combinations;
        }
        return runs;
    }
}
