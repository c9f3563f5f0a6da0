package dev.hotcold.cli;

import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.protocol.Decision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the command line in-process and checks the seed's transcript it prints. */
final class Transcript {
    private static final Pattern HEADER = Pattern.compile("Guess a number between (-?\\d+) and (-?\\d+)! Shhhhh, it's (-?\\d+)\\.");
    private static final Pattern SERVER = Pattern.compile("Server: (-?\\d+) is (\\w+)");
    private static final Pattern CLIENT = Pattern.compile("Client: (-?\\d+) is (\\w+)");

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private Transcript() {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString().replace("\r\n", "\n"), err.toString());
    }

    /**
     * Checks a whole transcript of the seed's three games: each header followed by its server
     * lines, every game valid, and the client lines at the end repeating the server lines.
     */
    static void assertSeedTranscript(List<String> lines, boolean withServerLines) {
        List<long[]> games = List.of(new long[] {1, 5, 3}, new long[] {10, 15, 12}, new long[] {1, 3, 2});
        int at = 0;
        List<String> serverSide = new ArrayList<>();
        for (long[] game : games) {
            Matcher header = HEADER.matcher(lines.get(at++));
            assertTrue(header.matches(), "header expected at line " + at + ": " + lines);
            assertEquals(List.of(game[0], game[1], game[2]), List.of(Long.parseLong(header.group(1)),
                    Long.parseLong(header.group(2)), Long.parseLong(header.group(3))));
            if (withServerLines) {
                List<Outcome> outcomes = new ArrayList<>();
                while (at < lines.size() && SERVER.matcher(lines.get(at)).matches()) {
                    Matcher server = SERVER.matcher(lines.get(at++));
                    server.matches();
                    outcomes.add(outcome(server.group(1), server.group(2)));
                }
                assertValidGame(outcomes, game[0], game[1], game[2]);
                outcomes.forEach(outcome -> serverSide.add(outcome.toString()));
            }
        }
        List<String> clientSide = new ArrayList<>();
        int game = -1;
        List<Outcome> current = new ArrayList<>();
        List<List<Outcome>> clientGames = new ArrayList<>();
        for (; at < lines.size(); at++) {
            Matcher client = CLIENT.matcher(lines.get(at));
            assertTrue(client.matches(), "client line expected: " + lines.get(at));
            Outcome outcome = outcome(client.group(1), client.group(2));
            current.add(outcome);
            clientSide.add(outcome.toString());
            if (outcome.isCorrect()) {
                clientGames.add(current);
                current = new ArrayList<>();
            }
        }
        assertEquals(games.size(), clientGames.size(), "three games on the client side");
        for (long[] spec : games) {
            assertValidGame(clientGames.get(++game), spec[0], spec[1], spec[2]);
        }
        if (withServerLines) {
            assertEquals(serverSide, clientSide, "server and client saw the same rounds");
        }
    }

    private static Outcome outcome(String number, String decision) {
        return new Outcome(Long.parseLong(number), Decision.fromWireName(decision).orElseThrow());
    }
}
