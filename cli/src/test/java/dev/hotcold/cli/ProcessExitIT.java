package dev.hotcold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a user sees from the real process when it cannot run: one line, a non-zero status, no trace. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessExitIT {

    @Test
    void versionComesFromTheJarsManifest() throws Exception {
        HotcoldProcess.Result run = HotcoldProcess.run("--version");
        assertEquals(0, run.exitCode(), run.err());
        String expected = System.getProperty("hotcold.version");
        assertTrue(expected != null && !expected.isBlank(), "the build passes the project's version");
        assertEquals(List.of("hotcold " + expected), run.out());
    }

    @Test
    void versionIsACommandToo() throws Exception {
        HotcoldProcess.Result run = HotcoldProcess.run("version");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("hotcold " + System.getProperty("hotcold.version")), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HotcoldProcess.Result run = HotcoldProcess.run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertOneLineFailure(run, 1, "hotcold: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use");
        }
    }

    @Test
    void anAddressThisMachineDoesNotHave() throws Exception {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a real interface.
        HotcoldProcess.Result run = HotcoldProcess.run("serve", "--host", "192.0.2.1", "--port", "0");
        assertOneLineFailure(run, 1, "hotcold: cannot listen on 192.0.2.1:0: Cannot assign requested address");
    }

    @Test
    void anUnknownHost() throws Exception {
        HotcoldProcess.Result run = HotcoldProcess.run("serve", "--host", "nosuch.invalid");
        assertOneLineFailure(run, 2, "hotcold serve: Invalid value for option '--host': unknown host 'nosuch.invalid'"
                + " (see 'hotcold help serve')");
    }

    @Test
    void aPrivilegedPortWithoutThePrivilege() throws Exception {
        int port = 1023;
        assumeTrue(cannotBind(port), "this user may bind port " + port + " (root, or a lowered"
                + " net.ipv4.ip_unprivileged_port_start), so there is no refusal to show");
        HotcoldProcess.Result run = HotcoldProcess.run("serve", "--port", String.valueOf(port));
        assertOneLineFailure(run, 1, "hotcold: cannot listen on 127.0.0.1:" + port + ": Permission denied");
    }

    @Test
    void aBadFlag() throws Exception {
        HotcoldProcess.Result run = HotcoldProcess.run("serve", "--port", "-5");
        assertOneLineFailure(run, 2, "hotcold serve: Invalid value for option '--port': -5 is not a port from 0"
                + " (any free port) to 65535 (see 'hotcold help serve')");
    }

    private static boolean cannotBind(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (BindException e) {
            return e.getMessage().contains("Permission denied");
        }
    }

    private static void assertOneLineFailure(HotcoldProcess.Result run, int exitCode, String line) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(List.of(line), run.errLines(), "one line, no stack trace");
        assertEquals(List.of(), run.out());
    }
}
