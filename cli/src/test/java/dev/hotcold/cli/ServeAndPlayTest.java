package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** serve and play against each other, and against the seed's own Python programs. */
@Timeout(120)
class ServeAndPlayTest {

    @ParameterizedTest
    @CsvSource({"blocking,--threads,virtual", "blocking,--threads,platform", "nio,--loops,1", "nio,--loops,2"})
    void playWinsThreeGamesAgainstServe(String transport, String option, String value) throws Exception {
        try (RunningServer server = new RunningServer("--transport", transport, option, value, "--seed", "5")) {
            Transcript.Run play = Transcript.run("play", "--transport", transport, "--port", String.valueOf(server.port()));
            assertEquals(0, play.exitCode(), play.err());
            Transcript.assertSeedTranscript(play.lines(), false);
            assertEquals(0, server.stop());
            List<String> serverLines = server.lines();
            assertTrue(serverLines.get(0).matches("listening on 127\\.0\\.0\\.1:\\d+"), serverLines.get(0));
            List<String> clientLines = play.lines().stream().filter(line -> line.startsWith("Client: ")).toList();
            assertEquals(clientLines.stream().map(line -> line.replace("Client: ", "Server: ")).toList(),
                    server.reports());
            assertEquals("stopped: every game in play finished", serverLines.get(serverLines.size() - 1),
                    "every report printed before the last line");
            assertFalse(ServerPrinterTest.printerThreadAlive(), "the report printer ends with the server");
        }
    }

    @Test
    void quietServeAndOneGame() throws Exception {
        try (RunningServer server = new RunningServer("--quiet")) {
            Transcript.Run play = Transcript.run("play", "--port", String.valueOf(server.port()),
                    "--lower", "-1000", "--upper", "1000", "--secret", "-999");
            assertEquals(0, play.exitCode(), play.err());
            assertEquals("Guess a number between -1000 and 1000! Shhhhh, it's -999.", play.lines().get(0));
            assertEquals("Client: -999 is Correct", play.lines().get(play.lines().size() - 1));
            assertFalse(ServerPrinterTest.printerThreadAlive(), "quiet: no printer thread");
            server.stop();
            assertEquals(List.of(), server.reports(), "quiet: no reports");
            assertEquals(3, server.lines().size(), "quiet: listening, stopping, stopped: " + server.lines());
        }
    }

    @Test
    void playExplainsWhatWentWrong() throws Exception {
        int port;
        try (RunningServer server = new RunningServer()) {
            port = server.port();
        }
        Transcript.Run refused = Transcript.run("play", "--port", String.valueOf(port));
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().startsWith("hotcold: cannot play with 127.0.0.1:" + port), refused.err());
        Transcript.Run outside = Transcript.run("play", "--port", "1", "--lower", "1", "--upper", "5", "--secret", "9");
        assertEquals(2, outside.exitCode());
        Transcript.Run partial = Transcript.run("play", "--lower", "1");
        assertEquals(2, partial.exitCode());
        assertTrue(partial.err().contains("Missing required argument"), partial.err());
    }

    @Test
    void serveExplainsAPortInUse() throws Exception {
        try (RunningServer server = new RunningServer()) {
            Transcript.Run second = Transcript.run("serve", "--port", String.valueOf(server.port()));
            assertEquals(1, second.exitCode());
            assertTrue(second.err().startsWith("hotcold: cannot listen on 127.0.0.1"), second.err());
            assertEquals(1, second.err().lines().count(), "one clear line, no stack trace: " + second.err());
        }
    }

    @ParameterizedTest
    @CsvSource({"blocking,--threads,virtual", "blocking,--threads,platform", "nio,--loops,1", "nio,--loops,2"})
    void theDemoRunsOverRealSockets(String transport, String option, String value) {
        Transcript.Run run = Transcript.run("demo", "--transport", transport, option, value);
        assertEquals(0, run.exitCode(), run.err());
        Transcript.assertSeedTranscript(run.lines(), true);
    }

    @ParameterizedTest
    @CsvSource({"blocking,random", "nio,random", "blocking,hotcold", "nio,hotcold"})
    void theSeedsClientPlaysAgainstServe(String transport, String strategy) throws Exception {
        SeedPython.assumePython();
        try (RunningServer server = new RunningServer("--transport", transport, "--strategy", strategy)) {
            List<String> transcript = SeedPython.runClient(server.port());
            Transcript.assertSeedTranscript(transcript, false);
            server.stop();
            assertEquals(transcript.stream().filter(line -> line.startsWith("Client: "))
                    .map(line -> line.replace("Client: ", "Server: ")).toList(), server.reports());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "nio"})
    void playWinsAgainstTheSeedsServer(String transport) throws Exception {
        SeedPython.assumePython();
        try (SeedPython.Server seed = new SeedPython.Server()) {
            Transcript.Run play = Transcript.run("play", "--transport", transport, "--port", String.valueOf(seed.port));
            assertEquals(0, play.exitCode(), play.err());
            Transcript.assertSeedTranscript(play.lines(), false);
            List<String> clientLines = play.lines().stream().filter(line -> line.startsWith("Client: ")).toList();
            assertEquals(clientLines.stream().map(line -> line.replace("Client: ", "Server: ")).toList(),
                    seed.readLines(clientLines.size()), "the seed's server heard every report");
        }
    }
}
