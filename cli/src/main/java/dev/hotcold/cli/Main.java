package dev.hotcold.cli;

import dev.hotcold.cli.load.LoadCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hotcold} command: the seed's game as a demo, a server and a client. */
@Command(
        name = "hotcold",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The guess-the-number game over a line protocol, on pluggable transports.",
        subcommands = {DemoCommand.class, ServeCommand.class, PlayCommand.class, LoadCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with hotcold's conventions, for main and for tests. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof java.io.IOException || failure instanceof java.io.UncheckedIOException) {
                // What went wrong outside the program (a port in use, a refused connection): one line.
                command.getErr().println("hotcold: " + failure.getMessage());
                command.getErr().flush();
                return 1;
            }
            if (failure instanceof IllegalArgumentException) {
                // An option value the library refused, such as --loops 0: a usage error.
                command.getErr().println("hotcold: " + failure.getMessage());
                command.getErr().flush();
                return 2;
            }
            throw failure;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which command to run");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hotcold " + (version != null ? version : "(development build)")};
        }
    }
}
