package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What {@code hotcold help} and each command's help show: every command listed, bench and version
 * among them; text wrapped at word boundaries by picocli and never by hand; a transport offered only
 * where the command can use it.
 */
class CommandHelpTest {
    /** picocli's usage width, unless a user sets picocli.usage.width. */
    private static final int WIDTH = 80;
    private static final Pattern COMMAND_ROW = Pattern.compile(" {2}(\\w+) +\\S.*");

    static Stream<String> commands() {
        return Stream.concat(Stream.of(""), Main.commandLine().getSubcommands().keySet().stream());
    }

    @Test
    void helpListsEveryCommandWithItsHeader() {
        Transcript.Run help = Transcript.run("help");
        assertEquals(0, help.exitCode(), help.err());
        List<String> listed = new ArrayList<>();
        for (String line : help.lines()) {
            Matcher row = COMMAND_ROW.matcher(line);
            if (row.matches()) {
                listed.add(row.group(1));
            }
        }
        assertEquals(List.of("demo", "serve", "play", "load", "duel", "bench", "version", "help"), listed, help.out());
        assertTrue(help.out().contains("bench    Runs the JMH benchmarks; every argument after bench goes to JMH."), help.out());
    }

    @ParameterizedTest(name = "hotcold help {0}")
    @ValueSource(strings = {"demo", "serve", "play", "load", "duel", "bench", "version"})
    void helpAndDashDashHelpAgree(String command) {
        Transcript.Run help = Transcript.run("help", command);
        Transcript.Run dashDash = Transcript.run(command, "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertEquals(0, dashDash.exitCode(), dashDash.err());
        assertEquals(help.out(), dashDash.out());
    }

    @Test
    void benchExplainsTheJmhOptionsThatMatterAndPointsToBenchmarksMd() {
        Transcript.Run help = Transcript.run("help", "bench");
        assertEquals(0, help.exitCode(), help.err());
        String flat = help.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("BENCHMARKS.md"), help.out());
        assertTrue(flat.contains("The JMH options that matter here:"), help.out());
        for (String option : BenchCommand.OPTIONS.keySet()) {
            assertTrue(help.lines().stream().anyMatch(line -> line.startsWith("  " + option + " ")), option + " in " + help.out());
        }
        for (String option : List.of("-l", "-f N", "-wi N, -w TIME", "-i N, -r TIME", "-p NAME=V,V", "-prof gc",
                "-rf json -rff FILE", "-jvmArgsAppend ARGS", "-h")) {
            assertTrue(BenchCommand.OPTIONS.containsKey(option), option);
        }
    }

    /** Run from the jar rather than the launcher, bench has no JMH to hand its arguments to: it says where it runs. */
    @Test
    void benchFromTheJarSaysToUseTheLauncher() {
        Transcript.Run run = Transcript.run("bench", "-prof", "gc", "core\\.");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("hotcold bench: the benchmarks run from the launcher, './hotcold bench [JMH options]',"
                + " or as 'java -jar benchmarks/target/benchmarks.jar [JMH options]' (see 'hotcold help bench')"),
                run.err().lines().toList());
        assertEquals("", run.out());
    }

    @Test
    void versionIsACommandToo() {
        Transcript.Run command = Transcript.run("version");
        Transcript.Run option = Transcript.run("--version");
        assertEquals(0, command.exitCode(), command.err());
        assertEquals(option.out(), command.out());
        assertTrue(command.out().startsWith("hotcold "), command.out());
    }

    /**
     * Each element of a description is a paragraph that picocli wraps at word boundaries to the
     * usage width; an element that stops mid-sentence is a line broken by hand, which picocli then
     * wraps again ("Ctrl-C or / SIGTERM / stops it gracefully"). Lines that start with spaces are
     * verbatim (examples), and must fit as they are.
     */
    @ParameterizedTest(name = "hotcold {0} --help")
    @MethodSource("commands")
    void textIsWrappedAtWordBoundariesAndFits(String command) {
        CommandLine root = Main.commandLine();
        CommandSpec spec = command.isEmpty() ? root.getCommandSpec() : root.getSubcommands().get(command).getCommandSpec();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.addAll(List.of(spec.usageMessage().header()));
        paragraphs.addAll(List.of(spec.usageMessage().description()));
        paragraphs.addAll(List.of(spec.usageMessage().footer()));
        for (OptionSpec option : spec.options()) {
            paragraphs.addAll(List.of(option.description()));
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            paragraphs.addAll(List.of(parameter.description()));
        }
        if (command.equals("bench")) {
            paragraphs.addAll(BenchCommand.OPTIONS.values());
        }
        for (String paragraph : paragraphs) {
            if (paragraph.isBlank()) {
                continue;
            }
            if (paragraph.startsWith(" ")) {
                assertTrue(paragraph.length() <= WIDTH, "a verbatim line fits: " + paragraph);
            } else {
                assertTrue(paragraph.strip().matches("(?s).*[.:!?](%n)?"), "hotcold " + command
                        + " --help: a paragraph that does not end a sentence was broken by hand: " + paragraph);
            }
        }
        Transcript.Run help = Transcript.run(command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"});
        assertEquals(0, help.exitCode(), help.err());
        List<String> lines = help.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.length() <= WIDTH, "hotcold " + command + " --help: longer than " + WIDTH + ": " + line);
            if (i + 1 < lines.size() && !line.isBlank() && !lines.get(i + 1).isBlank()) {
                // picocli may break a line after a '.' or ',' inside a word (gc.alloc.rate. / norm):
                // the two halves joined without a space are then a word of the text.
                String[] before = line.strip().split(" +");
                String joined = before[before.length - 1] + lines.get(i + 1).strip().split(" +")[0];
                for (String paragraph : paragraphs) {
                    assertFalse(paragraph.contains(joined), "hotcold " + command + " --help breaks the word '"
                            + joined + "' between lines:\n" + line + "\n" + lines.get(i + 1));
                }
            }
        }
    }

    /** play and serve talk to other processes; the in-memory transport reaches none, so they do not offer it. */
    @ParameterizedTest(name = "hotcold {0}")
    @ValueSource(strings = {"play", "serve"})
    void socketCommandsOfferTheSocketTransportsOnly(String command) {
        Transcript.Run help = Transcript.run("help", command);
        String transport = help.lines().stream().filter(line -> line.startsWith("      --transport=KIND")).findFirst().orElseThrow();
        assertTrue(transport.endsWith("Transport: blocking, nio, netty."), transport);
        assertFalse(help.out().contains("inmemory, blocking"), help.out());
    }

    /** The statuses GracefulStopIT sees the real process exit with, as help serve gives them. */
    @Test
    void serveGivesTheExitStatusOfASecondSignal() {
        String flat = Transcript.run("help", "serve").out().replaceAll("\\s+", " ");
        assertEquals(130, StopOnSignal.StopSignal.SIGINT.exitStatus());
        assertEquals(143, StopOnSignal.StopSignal.SIGTERM.exitStatus());
        assertTrue(flat.contains("A second Ctrl-C or SIGTERM during the grace period cuts the games still in play at"
                + " once; the exit status is then 130 after Ctrl-C and 143 after SIGTERM"), flat);
        assertTrue(flat.contains("Exit status: 0 after a graceful stop; 130 or 143 after a second signal;"), flat);
    }

    @Test
    void demoOffersEveryTransport() {
        Transcript.Run help = Transcript.run("help", "demo");
        assertTrue(help.out().contains("Transport: inmemory, blocking, nio, netty."), help.out());
    }
}
