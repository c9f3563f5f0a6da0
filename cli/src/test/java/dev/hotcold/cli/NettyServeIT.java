package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code serve --transport netty --io KIND} as a real process, as README shows it: play and load against it. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NettyServeIT {

    @ParameterizedTest(name = "--io {0}")
    @ValueSource(strings = {"nio", "epoll", "io_uring", "auto"})
    void servesPlayAndLoadOnEachIoKind(String io) throws Exception {
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--transport", "netty", "--io", io, "--port", "0", "--quiet")) {
            String port = String.valueOf(serve.awaitListening().getPort());
            HotcoldProcess.Result played = HotcoldProcess.run("play", "--transport", "netty", "--port", port,
                    "--lower", "1", "--upper", "100", "--secret", "42");
            assertEquals(0, played.exitCode(), played.err());
            assertTrue(played.out().contains("Client: 42 is Correct"), played.out().toString());
            HotcoldProcess.Result load = HotcoldProcess.run("load", "--port", port, "--connections", "8",
                    "--seconds", "1", "--warmup", "0", "--json");
            assertEquals(0, load.exitCode(), load.err());
            assertTrue(load.out().get(0).contains("\"errors\":0"), load.out().toString());
            serve.terminate();
            assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.err());
            if (io.equals("auto")) {
                assertTrue(serve.err().contains("io auto chose"), "auto says what it chose: " + serve.err());
            }
        }
    }
}
