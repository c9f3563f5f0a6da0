package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What --help says: the game comes from Effective Python's item 76, "the book"; "seed" is only the
 * name of the random seed option (demo's and serve's --seed, load's --seed) and its value.
 */
class HelpTextTest {

    @ParameterizedTest(name = "hotcold {0}")
    @ValueSource(strings = {"", "demo", "serve", "play", "load"})
    void helpSpeaksOfTheBookAndOfNoSeedButTheRandomOne(String command) {
        CommandLine root = Main.commandLine();
        CommandSpec spec = command.isEmpty() ? root.getCommandSpec() : root.getSubcommands().get(command).getCommandSpec();
        List<String> texts = new ArrayList<>();
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        for (OptionSpec option : spec.options()) {
            if (!option.longestName().equals("--seed")) {
                texts.addAll(List.of(option.description()));
            }
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            texts.addAll(List.of(parameter.description()));
        }
        for (String text : texts) {
            assertFalse(text.toLowerCase(Locale.ROOT).contains("seed"), "hotcold " + command + " --help: " + text);
        }
        String description = String.join(" ", spec.usageMessage().description());
        assertTrue(description.contains("the book") || description.contains("book's"),
                "hotcold " + command + " --help names the book: " + description);

        Transcript.Run help = Transcript.run(command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"});
        assertEquals(0, help.exitCode(), help.err());
        boolean inSeedOption = false;
        for (String line : help.lines()) {
            if (line.matches(" +-.*")) {
                inSeedOption = line.contains("--seed=");   // the first line of an option
            } else if (!line.startsWith(" ")) {
                inSeedOption = false;                      // the description, or a section's heading
            }
            if (line.toLowerCase(Locale.ROOT).replace("--seed=n", "").contains("seed")) {
                assertTrue(inSeedOption, "only the --seed option speaks of a seed: " + line);
            }
        }
    }
}
