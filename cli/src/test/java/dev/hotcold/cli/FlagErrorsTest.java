package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad flag is one line on standard error that names the flag, with exit status 2. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlagErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "serve --port -5                 | --port         | -5 is not a port from 0",
            "serve --port 65536              | --port         | 65536 is not a port",
            "serve --port http               | --port         | 'http' is not a port",
            "serve --max-connections 0       | --max-connections | 0 is not a whole number of at least 1",
            "serve --grace -3                | --grace        | -3 is not a whole number of seconds",
            "serve --idle-timeout -1         | --idle-timeout | -1 is not a whole number of seconds",
            "serve --transport nio --loops 0 | --loops        | 0 is not a whole number of at least 1",
            "demo --transport nio --loops 0  | --loops        | 0 is not a whole number of at least 1",
            "serve --host nosuch.invalid     | --host         | unknown host 'nosuch.invalid'",
            "serve --transport inmemory --port 0 | --transport | inmemory serves only inside one process",
            "play --port -5                  | --port         | -5 is not a port from 1",
            "play --port 0                   | --port         | 0 is not a port from 1",
            "play --loops 2                  | --loops        | Unknown options",
            "play --transport inmemory       | --transport    | inmemory reaches only a server in the same process",
            "play --transport pigeon         | --transport    | 'pigeon' is not a transport: blocking, nio or netty",
            "serve --transport pigeon        | --transport    | 'pigeon' is not a transport: blocking, nio or netty",
            "serve --transport netty --io kqueue | --io      | kqueue",
            "play --lower 5 --upper 1 --secret 3 | --lower    | --lower 5 is above --upper 1",
            "play --lower 1 --upper 5 --secret 9 | --secret   | --secret 9 is outside --lower 1 .. --upper 5",
    })
    void aBadFlagIsOneLineThatNamesIt(String args, String flag, String reason) {
        Transcript.Run run = Transcript.run(args.strip().split(" +"));
        String command = args.strip().split(" ")[0];
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        String line = run.err().strip();
        assertTrue(line.startsWith("hotcold " + command + ": "), line);
        assertTrue(line.contains(flag), "names " + flag + ": " + line);
        assertTrue(line.contains(reason), "says why (" + reason + "): " + line);
        assertTrue(line.endsWith("(see 'hotcold help " + command + "')"), line);
        assertFalse(line.contains("Exception"), line);
        assertEquals("", run.out(), "nothing on standard output");
    }

    @Test
    void aPortInUseIsOneLineAndStatusOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Transcript.Run run = Transcript.run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode(), run.err());
            assertEquals("hotcold: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use",
                    run.err().strip());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Transcript.Run run = Transcript.run();
        assertEquals(2, run.exitCode());
        assertEquals("hotcold: say which command to run (see 'hotcold --help')", run.err().strip());
    }
}
