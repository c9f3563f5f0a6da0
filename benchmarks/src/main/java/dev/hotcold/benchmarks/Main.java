package dev.hotcold.benchmarks;

import dev.hotcold.benchmarks.chart.ScrapeChart;
import dev.hotcold.benchmarks.chart.ThroughputChart;
import dev.hotcold.benchmarks.netty.NettyServerCommand;
import dev.hotcold.benchmarks.plain.PlainServerCommand;
import dev.hotcold.benchmarks.optimum.OptimumTable;
import java.util.Arrays;

/**
 * The benchmarks jar's entry point ({@code ./hotcold bench ARGS} runs it):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar                          every JMH suite, full profile
 * java -jar benchmarks/target/benchmarks.jar -prof gc 'core\..*'      JMH options as usual
 * java -jar benchmarks/target/benchmarks.jar netty-server --port 1234 the Netty reference server
 * java -jar benchmarks/target/benchmarks.jar plain-server --port 1234 the plain JDK server (virtual threads)
 * java -jar benchmarks/target/benchmarks.jar chart --jmh r.json --out chart.png
 * java -jar benchmarks/target/benchmarks.jar scrape-chart --scrapes s.txt --out chart.png
 * java -jar benchmarks/target/benchmarks.jar optimum [--to N]         the exact optimum table
 * </pre>
 *
 * Anything that is not {@code netty-server}, {@code plain-server}, {@code chart}, {@code scrape-chart}
 * or {@code optimum}
 * goes to {@code org.openjdk.jmh.Main}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        String first = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (first) {
            case "netty-server" -> System.exit(NettyServerCommand.run(rest, System.out, System.err));
            case "plain-server" -> System.exit(PlainServerCommand.run(rest, System.out, System.err));
            case "chart" -> System.exit(ThroughputChart.run(rest, System.out, System.err));
            case "optimum" -> System.exit(OptimumTable.run(rest, System.out, System.err));
            case "scrape-chart" -> System.exit(ScrapeChart.run(rest, System.out, System.err));
            default -> org.openjdk.jmh.Main.main(args);
        }
    }
}
