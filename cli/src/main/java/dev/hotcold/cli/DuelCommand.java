package dev.hotcold.cli;

import dev.hotcold.core.engine.ExactOptimum;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.lab.Duel;
import dev.hotcold.core.lab.DuelFailure;
import dev.hotcold.core.lab.DuelResult;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hotcold duel}: a guess strategy against the adversary or random secrets, in memory, with
 * its worst and mean number of guesses and a histogram.
 */
@Command(name = "duel", mixinStandardHelpOptions = true,
        header = "Plays a guess strategy against the adversary or random secrets, in memory, and counts its guesses.",
        description = {"Plays a strategy on [1, N] with no server and no socket: one game against the adversary"
                + " (a judge that answers honestly for whichever secret keeps the most candidates alive, so it"
                + " forces a strategy towards its worst case), or G games with secrets drawn at random, or"
                + " (--every-secret) one game per secret. Prints the worst and mean number of guesses, the"
                + " Correct one included, and how many games took each number; the exact optimum too when the"
                + " range has at most " + ExactOptimum.TABLE_SIZE + " numbers.",
                "The strategy is random, hotcold, or the name of a class on the class path (or in"
                + " --class-path) that implements dev.hotcold.core.engine.GuessStrategy and has a public"
                + " constructor without arguments. A strategy that leaves the range, repeats a guess, gives up"
                + " or throws ends the duel: one line on standard error, exit status 1.",
                ""})
final class DuelCommand implements Callable<Integer> {
    /** The most secrets {@code --every-secret} tries. */
    static final long MOST_SECRETS = 10_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--strategy", paramLabel = "S", required = true,
            description = "random, hotcold, or a GuessStrategy class name, such as com.example.MyStrategy.")
    private String strategy;

    @Option(names = "--class-path", paramLabel = "PATH",
            description = "Directories and jars to load --strategy's class from, separated by '${sys:path.separator}'.")
    private String classPath;

    @Option(names = "--range", paramLabel = "N", required = true, converter = Range.class,
            description = "Play on [1, N], N from 1 to 9223372036854775807.")
    private long range;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Opponent opponent = new Opponent();

    @Option(names = "--games", paramLabel = "G", converter = Flags.AtLeastOne.class,
            description = "Games against random secrets (default: ${DEFAULT-VALUE}); not with --adversary or --every-secret.")
    private Integer games;

    @Option(names = "--seed", paramLabel = "X",
            description = "Seed for the secrets, and for the random strategy (default: 1).")
    private long seed = 1;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    static final class Opponent {
        @Option(names = "--adversary", description = "One game against the adversary.")
        boolean adversary;

        @Option(names = "--every-secret", description = "One game per secret of the range: the exact worst case.")
        boolean everySecret;
    }

    /** N of {@code --range}: 1 to Long.MAX_VALUE. */
    static final class Range implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long number;
            try {
                number = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a whole number from 1 to "
                        + Long.MAX_VALUE);
            }
            if (number < 1) {
                throw new picocli.CommandLine.TypeConversionException(number + " is not a whole number from 1 to "
                        + Long.MAX_VALUE);
            }
            return number;
        }
    }

    @Override
    public Integer call() {
        if (games != null && (opponent.adversary || opponent.everySecret)) {
            throw new ParameterException(spec.commandLine(), "--games goes with random secrets, not with "
                    + (opponent.adversary ? "--adversary" : "--every-secret"));
        }
        if (opponent.everySecret && range > MOST_SECRETS) {
            throw new ParameterException(spec.commandLine(), "--every-secret takes a --range of at most "
                    + MOST_SECRETS + ", not " + range);
        }
        GuessStrategy chosen = loadStrategy();
        Duel duel = Duel.of(chosen);
        String against;
        DuelResult result;
        try {
            if (opponent.adversary) {
                against = "adversary";
                result = duel.againstAdversary(1, range);
            } else if (opponent.everySecret) {
                against = "every-secret";
                result = duel.everySecret(1, range);
            } else {
                long count = games == null ? 1000 : games;
                against = "random-secrets";
                result = duel.againstSecrets(1, range, count, seed);
            }
        } catch (DuelFailure failure) {
            PrintWriter err = spec.commandLine().getErr();
            String cause = failure.getCause() == null ? "" : ": " + failure.getCause();
            err.println(("hotcold duel: " + strategy + " broke the rules on " + failure.getMessage() + cause)
                    .replace('\n', ' '));
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(against, result) : text(against, result));
        out.flush();
        return 0;
    }

    private GuessStrategy loadStrategy() {
        switch (strategy.toLowerCase(Locale.ROOT)) {
            case "random" -> {
                return GuessStrategy.random(seed);
            }
            case "hotcold" -> {
                return GuessStrategy.hotCold();
            }
            default -> {
                return loadClass();
            }
        }
    }

    private GuessStrategy loadClass() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (classPath != null) {
            List<URL> urls = new ArrayList<>();
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    try {
                        urls.add(Path.of(entry).toUri().toURL());
                    } catch (MalformedURLException | RuntimeException e) {
                        throw bad("--class-path", "'" + entry + "' is not a path");
                    }
                }
            }
            loader = new URLClassLoader(urls.toArray(URL[]::new), loader);
        }
        Class<?> type;
        try {
            type = Class.forName(strategy, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw bad("--strategy", "'" + strategy + "' is neither random, hotcold nor a class on the class path"
                    + (classPath == null ? " (add its directory or jar with --class-path)" : " or in --class-path"));
        }
        if (!GuessStrategy.class.isAssignableFrom(type)) {
            throw bad("--strategy", type.getName() + " does not implement " + GuessStrategy.class.getName());
        }
        try {
            return (GuessStrategy) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw bad("--strategy", type.getName() + " has no public constructor without arguments");
        } catch (InstantiationException e) {
            throw bad("--strategy", type.getName() + " is abstract");
        } catch (InvocationTargetException e) {
            throw bad("--strategy", type.getName() + "'s constructor threw " + e.getCause());
        }
    }

    private ParameterException bad(String flag, String why) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + why);
    }

    private String text(String against, DuelResult result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s on [1, %d] against %s: %d game%s%n", strategy, range,
                against.replace('-', ' '), result.games(), result.games() == 1 ? "" : "s"));
        text.append(String.format(Locale.ROOT, "worst %d (secret %d)  mean %.3f%n", result.worst(),
                result.worstSecret(), result.mean()));
        OptionalInt optimum = ExactOptimum.known(range);
        optimum.ifPresent(best -> text.append("optimum ").append(best).append(" (the fewest any strategy needs)")
                .append(System.lineSeparator()));
        long most = result.histogram().values().stream().mapToLong(Long::longValue).max().orElse(1);
        for (Map.Entry<Long, Long> row : result.histogram().entrySet()) {
            int bar = (int) Math.max(1, 40 * row.getValue() / most);
            text.append(String.format(Locale.ROOT, "%6d guesses %10d %s%n", row.getKey(), row.getValue(), "#".repeat(bar)));
        }
        return text.toString();
    }

    private String json(String against, DuelResult result) {
        StringBuilder histogram = new StringBuilder();
        for (Map.Entry<Long, Long> row : result.histogram().entrySet()) {
            histogram.append(histogram.isEmpty() ? "" : ",").append('"').append(row.getKey()).append("\":")
                    .append(row.getValue());
        }
        OptionalInt optimum = ExactOptimum.known(range);
        return String.format(Locale.ROOT, "{\"strategy\":\"%s\",\"range\":%d,\"against\":\"%s\",\"games\":%d,"
                        + "\"worst\":%d,\"worst_secret\":%d,\"mean\":%.6f,\"optimum\":%s,\"histogram\":{%s}}%n",
                strategy.replace("\\", "\\\\").replace("\"", "\\\""), range, against, result.games(), result.worst(),
                result.worstSecret(), result.mean(), optimum.isPresent() ? optimum.getAsInt() : "null", histogram);
    }
}
