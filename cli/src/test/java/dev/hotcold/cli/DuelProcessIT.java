package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code hotcold duel} as a user runs it: the real process, from the built jar. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DuelProcessIT {

    @Test
    void hotcoldAgainstTheAdversary() throws Exception {
        HotcoldProcess.Result run = HotcoldProcess.run("duel", "--strategy", "hotcold", "--range", "123", "--adversary");
        assertEquals(0, run.exitCode(), run.err());
        List<String> out = run.out();
        assertEquals("hotcold on [1, 123] against adversary: 1 game", out.get(0));
        assertTrue(out.get(1).startsWith("worst 8 "), out.get(1));
        assertEquals("optimum 8 (the fewest any strategy needs)", out.get(2));
    }

    @Test
    void aStrategyLoadedFromAClassPath() throws Exception {
        String classes = System.getProperty("hotcold.testClasses", "target/test-classes");
        HotcoldProcess.Result run = HotcoldProcess.run("duel", "--strategy", "dev.hotcold.cli.SweepStrategy",
                "--class-path", classes, "--range", "30", "--games", "50", "--seed", "3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.out().size(), String.valueOf(run.out()));
        assertTrue(run.out().get(0).contains("\"games\":50"), run.out().get(0));
    }

    @Test
    void anUnknownClassIsAFlagError() throws Exception {
        HotcoldProcess.Result run = HotcoldProcess.run("duel", "--strategy", "com.example.Nope", "--range", "9");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("hotcold duel: Invalid value for option '--strategy': 'com.example.Nope'"),
                run.err());
    }
}
