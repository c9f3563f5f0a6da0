package dev.hotcold.cli;

import dev.hotcold.cli.load.LoadCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hotcold} command: the book's game (Effective Python, item 76) as a demo, a server,
 * a client and a load generator.
 *
 * <p>Exit status: 0 on success, 1 when something outside the program failed (a port in use, a
 * refused connection), 2 for a bad flag. Errors are one line on standard error, naming the flag.
 *
 * <pre>{@code
 * ./hotcold serve --transport nio --port 1234 --strategy hotcold
 * ./hotcold play --port 1234 --lower 1 --upper 1000000 --secret 4242
 * ./hotcold serve --port -5     # hotcold serve: Invalid value for option '--port': -5 is not a port ...
 * }</pre>
 *
 * <p>{@code bench} is listed here for its help; the launcher runs the benchmarks jar for it.
 */
@Command(
        name = "hotcold",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The guess-the-number game of Effective Python's item 76 (\"the book\") over a line protocol, on pluggable transports.",
        subcommands = {DemoCommand.class, ServeCommand.class, PlayCommand.class, LoadCommand.class, DuelCommand.class,
                BenchCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with hotcold's conventions, for main and for tests. */
    static CommandLine commandLine() {
        return conventions(new CommandLine(new Main()));
    }

    /** Case-insensitive choices and one-line errors, for any of hotcold's commands. */
    static CommandLine conventions(CommandLine commandLine) {
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Main::badFlag);
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof IOException || failure instanceof UncheckedIOException) {
                // What went wrong outside the program (a port in use, a refused connection): one line.
                return say(command, "hotcold: " + failure.getMessage(), 1);
            }
            if (failure instanceof IllegalArgumentException) {
                // A value the library refused that no converter caught: still a usage error, in one line.
                return say(command, "hotcold: " + failure.getMessage(), command.getCommandSpec().exitCodeOnInvalidInput());
            }
            throw failure;   // a bug: the stack trace is what its reader needs
        });
        return commandLine;
    }

    /**
     * A bad flag: picocli's message names it ("Invalid value for option '--port': ..."); one line,
     * with no usage screen burying it, and the command to run for the list of options.
     */
    private static int badFlag(CommandLine.ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String help = command.getParent() == null ? name + " --help" : name.replaceFirst(" ", " help ");
        return say(command, name + ": " + failure.getMessage() + " (see '" + help + "')",
                command.getCommandSpec().exitCodeOnInvalidInput());
    }

    private static int say(CommandLine command, String line, int exitCode) {
        PrintWriter err = command.getErr();
        err.println(line.replace('\n', ' ').strip());
        err.flush();
        return exitCode;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which command to run");
    }

    /** The version in the jar's manifest ({@code Implementation-Version}), written by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hotcold " + (version != null ? version : "(development build, no jar manifest)")};
        }
    }
}
