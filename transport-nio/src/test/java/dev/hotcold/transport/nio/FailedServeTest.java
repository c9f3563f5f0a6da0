package dev.hotcold.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@code serve()} that fails part-way releases everything it took: tried for real, in a process
 * whose descriptors run out while it opens its loops' selectors.
 */
@Timeout(120)
class FailedServeTest {
    /** Enough for a JVM and one small server; far too few for a selector per loop below. */
    private static final int DESCRIPTOR_LIMIT = 256;
    private static final int LOOPS = 400;

    @Test
    void aServeThatRunsOutOfDescriptorsReleasesItsPortThreadsAndDescriptors() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder("/bin/bash", "-c", "ulimit -n " + DESCRIPTOR_LIMIT + " && exec \"$@\"", "bash",
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                FailedServeProcess.class.getName(), String.valueOf(LOOPS))
                .redirectErrorStream(true)
                .start();
        Map<String, String> report = new HashMap<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                all.append(line).append('\n');
                int equals = line.indexOf('=');
                if (equals > 0) {
                    report.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
        assertEquals(0, child.exitValue(), all.toString());
        assertTrue(report.get("failure").contains("Too many open files"), "serve() failed for want of descriptors: " + all);
        assertEquals("0", report.get("leakedDescriptors"), "no descriptor left open: " + all);
        assertEquals("[]", report.get("threads"), "no server thread left running: " + all);
        assertEquals("true", report.get("portFree"), "the port is free again: " + all);
    }
}
