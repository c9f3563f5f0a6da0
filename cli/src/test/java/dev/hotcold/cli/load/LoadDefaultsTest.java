package dev.hotcold.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hotcold load} alone is a run against {@code serve}'s default port, with the defaults README and the help give. */
class LoadDefaultsTest {

    @Test
    void everyOptionHasADefault() {
        LoadCommand command = new LoadCommand();
        new CommandLine(command).parseArgs();
        LoadPlan plan = command.plan();
        assertEquals(new InetSocketAddress("127.0.0.1", 1234), plan.address());
        assertEquals(16, plan.connections());
        assertEquals(100, plan.range());
        assertEquals(Duration.ofSeconds(10), plan.measured());
        assertEquals(Duration.ofSeconds(1), plan.warmup());
        assertEquals(Duration.ofSeconds(10), plan.replyTimeout());
        assertEquals(Duration.ofSeconds(10), plan.connectTimeout());
        assertEquals(64, plan.connectWindow());
        assertEquals(1, plan.clientLoops());
    }
}
