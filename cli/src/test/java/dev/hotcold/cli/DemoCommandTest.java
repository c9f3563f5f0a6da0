package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DemoCommandTest {

    @Test
    void printsAValidSeedTranscriptOverTheInMemoryTransport() {
        Transcript.Run run = Transcript.run("demo");
        assertEquals(0, run.exitCode(), run.err());
        Transcript.assertSeedTranscript(run.lines(), true);
    }

    @Test
    void theHotColdStrategyPlaysTheSeedsGamesInFewGuesses() {
        Transcript.Run run = Transcript.run("demo", "--strategy", "hotcold");
        assertEquals(0, run.exitCode(), run.err());
        Transcript.assertSeedTranscript(run.lines(), true);
        long rounds = run.lines().stream().filter(line -> line.startsWith("Client: ")).count();
        // ceil(log2 n) + 2 at most per game: 5 + 5 + 4 for ranges of 5, 6 and 3 numbers.
        assertTrue(rounds <= 14, "rounds: " + rounds);
    }

    @Test
    void aSeedMakesTheDemoRepeatable() {
        Transcript.Run first = Transcript.run("demo", "--seed", "76");
        Transcript.Run second = Transcript.run("demo", "--seed", "76");
        assertEquals(first.out(), second.out());
        Transcript.Run other = Transcript.run("demo", "--seed", "77");
        assertNotEquals(first.out(), other.out());
    }

    @Test
    void badOptionsGetAClearMessageAndUsage() {
        Transcript.Run run = Transcript.run("demo", "--transport", "carrier-pigeon");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Invalid value for option '--transport'"), run.err());
        Transcript.Run seed = Transcript.run("demo", "--seed", "many");
        assertEquals(2, seed.exitCode());
        assertTrue(seed.err().contains("'many' is not a long"), seed.err());
    }
}
