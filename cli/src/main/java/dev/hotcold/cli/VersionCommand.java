package dev.hotcold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hotcold version}: what {@code hotcold --version} prints, for those who type it as a command. */
@Command(name = "version", mixinStandardHelpOptions = true,
        header = "Prints the version the jar was built as.",
        description = {"Prints the version the jar was built as, as 'hotcold --version' does.", ""})
final class VersionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : new Main.Version().getVersion()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
