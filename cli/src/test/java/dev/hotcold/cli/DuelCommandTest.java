package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuelCommandTest {

    @Test
    void hotcoldAgainstTheAdversaryPlaysTheOptimum() {
        Transcript.Run run = Transcript.run("duel", "--strategy", "hotcold", "--range", "100", "--adversary");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.lines();
        assertEquals("hotcold on [1, 100] against adversary: 1 game", lines.get(0));
        assertTrue(lines.get(1).startsWith("worst 8 (secret "), lines.get(1));
        assertEquals("optimum 8 (the fewest any strategy needs)", lines.get(2));
        assertTrue(lines.get(3).matches(" +8 guesses +1 #+"), lines.get(3));
    }

    @Test
    void randomSecretsAsJson() {
        Transcript.Run run = Transcript.run("duel", "--strategy", "hotcold", "--range", "1000000", "--games", "300",
                "--seed", "5", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("random-secrets", json.get("against").getAsString());
        assertEquals(300, json.get("games").getAsLong());
        assertTrue(json.get("worst").getAsLong() <= 22);
        assertTrue(json.get("optimum").isJsonNull());
        long games = json.getAsJsonObject("histogram").entrySet().stream().mapToLong(e -> e.getValue().getAsLong()).sum();
        assertEquals(300, games);
        assertEquals(run.out(), Transcript.run("duel", "--strategy", "hotcold", "--range", "1000000", "--games", "300",
                "--seed", "5", "--json").out(), "the seed repeats the secrets");
    }

    @Test
    void aClassOnTheClassPathByName() {
        Transcript.Run run = Transcript.run("duel", "--strategy", SweepStrategy.class.getName(), "--range", "50",
                "--adversary", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(50, json.get("worst").getAsLong(), "the adversary makes a sweep guess every number");
        assertEquals(7, json.get("optimum").getAsInt());
    }

    @Test
    void everySecretGivesTheExactWorstCase() {
        Transcript.Run run = Transcript.run("duel", "--strategy", "random", "--range", "20", "--every-secret", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(20, json.get("games").getAsLong());
    }

    @Test
    void aStrategyThatBreaksTheRulesIsOneLineAndStatusOne() {
        Transcript.Run run = Transcript.run("duel", "--strategy", SweepStrategy.Repeating.class.getName(), "--range",
                "10", "--adversary");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("guess 1 repeats an earlier one"), run.err());
        assertEquals("", run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "duel --range 10                                | --strategy | Missing required option",
            "duel --strategy hotcold                        | --range    | Missing required option",
            "duel --strategy hotcold --range 0              | --range    | 0 is not a whole number from 1",
            "duel --strategy hotcold --range ten            | --range    | 'ten' is not a whole number",
            "duel --strategy hotcold --range 9 --games 0    | --games    | 0 is not a whole number of at least 1",
            "duel --strategy hotcold --range 9 --adversary --games 5 | --games | not with --adversary",
            "duel --strategy hotcold --range 9 --adversary --every-secret | --adversary | mutually exclusive",
            "duel --strategy com.example.Nope --range 9     | --strategy | 'com.example.Nope' is neither random, hotcold nor a class",
            "duel --strategy java.lang.String --range 9     | --strategy | java.lang.String does not implement dev.hotcold.core.engine.GuessStrategy",
            "duel --strategy dev.hotcold.cli.SweepStrategy$NotAStrategy --range 9 | --strategy | does not implement",
            "duel --strategy hotcold --range 20000000 --every-secret | --every-secret | at most 10000000",
    })
    void aBadFlagIsOneLineThatNamesIt(String args, String flag, String reason) {
        Transcript.Run run = Transcript.run(args.strip().split(" +"));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        String line = run.err().strip();
        assertTrue(line.startsWith("hotcold duel: "), line);
        assertTrue(line.contains(flag), "names " + flag + ": " + line);
        assertTrue(line.contains(reason), "says why (" + reason + "): " + line);
        assertTrue(line.endsWith("(see 'hotcold help duel')"), line);
        assertFalse(line.contains("Exception"), line);
        assertEquals("", run.out(), "nothing on standard output");
    }
}
