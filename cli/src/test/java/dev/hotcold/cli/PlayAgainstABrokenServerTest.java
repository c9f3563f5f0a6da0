package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotcold.cli.MisbehavingServer.Misbehaviour;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code play} against a server that breaks the protocol: one line on stderr that says what the
 * server did wrong, exit status 1, no stack trace and no endless game.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlayAgainstABrokenServerTest {

    static Stream<Arguments> brokenServers() {
        List<Arguments> cases = List.of(
                Arguments.of(Misbehaviour.REPEATS_THE_LOWER_BOUND,
                        "broke the protocol: server guessed 1 a second time in one game"),
                Arguments.of(Misbehaviour.ANSWERS_GIBBERISH,
                        "broke the protocol: expected a number from the server, got: fifty"),
                Arguments.of(Misbehaviour.ANSWERS_AN_OVERLONG_LINE,
                        "broke the protocol: expected a number from the server, got: (a line too long to read)"),
                Arguments.of(Misbehaviour.ANSWERS_CONTROL_CHARACTERS,
                        "broke the protocol: expected a number from the server, got: \\x1b[2Jfifty\\x0dfive\\x7f"),
                Arguments.of(Misbehaviour.OUT_OF_RANGE,
                        "broke the protocol: server guessed 1000000, outside [1, 5]"),
                Arguments.of(Misbehaviour.ANSWERS_ERROR, "answered ERROR no game in progress"));
        return Stream.of("blocking", "nio")
                .flatMap(transport -> cases.stream().map(args -> Arguments.of(transport, args.get()[0], args.get()[1])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenServers")
    void playStopsWithOneLineThatSaysWhatTheServerDidWrong(String transport, Misbehaviour misbehaviour, String what)
            throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(misbehaviour)) {
            String port = String.valueOf(server.port());
            Transcript.Run play = Transcript.run("play", "--transport", transport, "--port", port);
            assertEquals(List.of("hotcold: the server at 127.0.0.1:" + port + " " + what), play.err().lines().toList(),
                    "one line on stderr, no stack trace");
            assertEquals(1, play.exitCode(), play.err());
            assertEquals(List.of("Guess a number between 1 and 5! Shhhhh, it's 3."), play.lines(),
                    "the first game's header, and no transcript of a game the server broke");
        }
    }
}
