package dev.hotcold.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hotcold bench}: its help only. The benchmarks are JMH suites in a jar of their own,
 * {@code benchmarks/target/benchmarks.jar}, which the {@code ./hotcold} launcher builds and runs
 * when the first argument is {@code bench}; this command makes {@code bench} show up in
 * {@code hotcold help}, answers {@code hotcold help bench} (and the launcher's
 * {@code ./hotcold bench --help}) with the JMH options that matter, and points anyone who runs it
 * from this jar to the launcher.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, modelTransformer = BenchCommand.JmhOptionsSection.class,
        header = "Runs the JMH benchmarks; every argument after bench goes to JMH.",
        description = {"Runs the JMH suites of benchmarks/target/benchmarks.jar with a JDK 21 or newer; ./hotcold"
                + " builds that jar on first use, about half a minute more than the command line. Every argument"
                + " after bench is handed to JMH as it is. With none, every suite runs with its full profile, ten to"
                + " fifteen minutes. BENCHMARKS.md has the suites, the method, the figures and the commands that"
                + " measured them.",
                ""},
        footer = {"", "Examples:",
                "  ./hotcold bench -l",
                "  ./hotcold bench -prof gc 'core\\.'",
                "  ./hotcold bench 'transport\\.' -p clients=16 -rf json -rff jmh.json",
                ""})
final class BenchCommand implements Callable<Integer> {
    /** The key of the help section that lists the JMH options. */
    static final String JMH_OPTIONS = "jmhOptions";

    /** The JMH options a user of these suites needs, as they appear in the help; JMH's -h lists the rest. */
    static final Map<String, String> OPTIONS = jmhOptions();

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "JMH_ARGS", arity = "0..*",
            description = "JMH options and benchmark name patterns, handed to JMH as they are.")
    private List<String> jmhArguments = new ArrayList<>();

    /** JMH's options, which picocli does not know: taken as they come, like the patterns. */
    @CommandLine.Unmatched
    private List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "the benchmarks run from the launcher, './hotcold bench"
                + " [JMH options]', or as 'java -jar benchmarks/target/benchmarks.jar [JMH options]'");
    }

    private static Map<String, String> jmhOptions() {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("REGEX", "Runs the benchmarks whose names match, such as 'core\\.' or 'transport\\.Async'; every"
                + " benchmark when none is given.");
        options.put("-l", "Lists the benchmarks and runs none.");
        options.put("-f N", "Forks: JVMs started per benchmark and parameter set (1 in these suites).");
        options.put("-wi N, -w TIME", "Warm-up iterations, and how long each lasts (1s, 200ms).");
        options.put("-i N, -r TIME", "Measured iterations, and how long each lasts.");
        options.put("-p NAME=V,V", "The values of a parameter, separated by commas: the transport suites take"
                + " transport (piped, blocking-platform, blocking-virtual, nio, netty) and clients (1, 16, 256).");
        options.put("-prof gc", "Adds gc.alloc.rate.norm, the bytes allocated per operation; -prof jfr records a"
                + " flight recording.");
        options.put("-rf json -rff FILE", "Writes the results as JSON to FILE, which the jar's chart command draws.");
        options.put("-jvmArgsAppend ARGS", "More options for the forked JVMs, added to the ones the launcher gives"
                + " (-jvmArgs would replace them).");
        options.put("-h", "JMH's own list of every option.");
        return java.util.Collections.unmodifiableMap(options);
    }

    /** Adds the JMH options, as a two-column table like picocli's own option list, after the description. */
    static final class JmhOptionsSection implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec bench) {
            UsageMessageSpec usage = bench.usageMessage();
            List<String> keys = new ArrayList<>(usage.sectionKeys());
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING), JMH_OPTIONS);
            usage.sectionKeys(keys);
            usage.sectionMap().put(JMH_OPTIONS, BenchCommand::renderOptions);
            return bench;
        }
    }

    private static String renderOptions(Help help) {
        int width = help.commandSpec().usageMessage().width();
        int names = 2 + OPTIONS.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                new Help.Column(names, 2, Help.Column.Overflow.SPAN),
                new Help.Column(width - names, 1, Help.Column.Overflow.WRAP));
        OPTIONS.forEach(table::addRowValues);
        return "The JMH options that matter here:" + System.lineSeparator() + table + System.lineSeparator();
    }
}
