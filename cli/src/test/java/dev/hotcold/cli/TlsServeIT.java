package dev.hotcold.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.testkit.TestCertificates;
import dev.hotcold.testkit.TlsRawClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve} over TLS as a real process, as README's TLS section runs it: {@code play}, the
 * seed's Python client wrapped in Python's {@code ssl}, and {@code openssl s_client} play against
 * it; client certificates; trickling and stalled clients lose their slots within the bounds; and
 * every bad file or mismatch is one clear line.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsServeIT {
    private static final TestCertificates CERTIFICATES = TestCertificates.get();
    private static final String PASSWORD = TestCertificates.PASSWORD;

    private static HotcoldProcess serve(String transport, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--transport", transport, "--port", "0", "--quiet",
                "--tls-cert", CERTIFICATES.serverCertificatePem().toString(),
                "--tls-key", CERTIFICATES.serverKeyPem().toString()));
        args.addAll(List.of(more));
        return HotcoldProcess.start(args.toArray(String[]::new));
    }

    private static void stop(HotcoldProcess serve) throws InterruptedException {
        serve.terminate();
        assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.err());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blocking", "nio", "netty"})
    void playPythonAndOpensslPlayOverTls(String transport) throws Exception {
        try (HotcoldProcess serve = serve(transport)) {
            InetSocketAddress address = serve.awaitListening();
            String port = String.valueOf(address.getPort());

            HotcoldProcess.Result played = HotcoldProcess.run("play", "--port", port, "--tls",
                    "--tls-trust", CERTIFICATES.caPem().toString(), "--lower", "1", "--upper", "100", "--secret", "42");
            assertEquals(0, played.exitCode(), played.err());
            assertTrue(played.out().contains("Client: 42 is Correct"), played.out().toString());

            SeedPython.assumePython();
            ProcessBuilder python = new ProcessBuilder("python3", Path.of("src/test/python/tls_client.py").toAbsolutePath().toString(),
                    "client", "127.0.0.1", port, "1", "100", "77").redirectErrorStream(true);
            python.environment().put("HOTCOLD_TLS_CA", CERTIFICATES.caPem().toString());
            Process client = python.start();
            List<String> lines = client.inputReader(StandardCharsets.UTF_8).lines().toList();
            assertTrue(client.waitFor(60, TimeUnit.SECONDS) && client.exitValue() == 0, lines.toString());
            assertTrue(lines.contains("Client: 77 is Correct"), lines.toString());

            Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-quiet", "-no_ign_eof",
                    "-verify_return_error", "-CAfile", CERTIFICATES.caPem().toString(), "-tls1_3")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = openssl.getOutputStream();
                 BufferedReader out = new BufferedReader(new InputStreamReader(openssl.getInputStream(), US_ASCII))) {
                in.write("PARAMS 5 5\nNUMBER\n".getBytes(US_ASCII));
                in.flush();
                assertEquals("5", out.readLine(), "openssl s_client gets the server's guess");
                in.write("REPORT Correct\nCLEAR\n".getBytes(US_ASCII));
            }
            assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl ends when its input does");
            stop(serve);
        }
    }

    @Test
    void aRequiredClientCertificateLetsAliceInAndKeepsOthersOut() throws Exception {
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--port", "0", "--quiet",
                "--tls-keystore", CERTIFICATES.serverKeyStore().toString(), "--tls-password", PASSWORD,
                "--tls-client-auth", "required", "--tls-trust", CERTIFICATES.caPem().toString())) {
            String port = String.valueOf(serve.awaitListening().getPort());
            HotcoldProcess.Result alice = HotcoldProcess.run("play", "--port", port,
                    "--tls-trust", CERTIFICATES.caPem().toString(),
                    "--tls-keystore", CERTIFICATES.clientKeyStore().toString(), "--tls-password", PASSWORD,
                    "--lower", "1", "--upper", "10", "--secret", "3");
            assertEquals(0, alice.exitCode(), alice.err());
            HotcoldProcess.Result nobody = HotcoldProcess.run("play", "--port", port,
                    "--tls-trust", CERTIFICATES.caPem().toString(), "--lower", "1", "--upper", "10", "--secret", "3");
            assertEquals(1, nobody.exitCode());
            assertEquals(1, nobody.errLines().size(), nobody.err());
            assertTrue(nobody.err().contains("certificate"), nobody.err());
            stop(serve);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blocking", "nio", "netty"})
    void stalledHandshakesAndTricklingLinesLoseTheirSlots(String transport) throws Exception {
        try (HotcoldProcess serve = serve(transport, "--max-connections", "2", "--handshake-timeout", "1",
                "--line-timeout", "1", "--idle-timeout", "30")) {
            InetSocketAddress address = serve.awaitListening();
            // Two clients that never finish a handshake hold both slots, for about a second.
            for (int i = 0; i < 2; i++) {
                try (Socket stalled = new Socket()) {
                    stalled.connect(address, 10_000);
                    stalled.setSoTimeout(30_000);
                    long start = System.nanoTime();
                    stalled.getOutputStream().write(new byte[] {0x16, 0x03, 0x01});
                    byte[] said = stalled.getInputStream().readAllBytes();   // to the end: closed by the handshake timeout
                    assertTrue(said.length == 0 || said[0] == 0x15, "nothing, or a TLS alert (Netty's SslHandler sends one)");
                    // 1 s and a scan (a quarter of it), far from the 10 s default: the flag holds.
                    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "within the bound");
                }
            }
            // A TLS client that trickles its line is told so, and goes.
            try (TlsRawClient trickler = new TlsRawClient(address, CERTIFICATES.clientTls())) {
                trickler.write("PARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
                assertTrue(trickler.readLine().matches("\\d"), "admitted and served");
                trickler.write("PARAMS 1 ".getBytes(US_ASCII));
                String told = null;
                for (int i = 0; i < 100 && told == null; i++) {
                    Thread.sleep(200);
                    try {
                        trickler.write("1".getBytes(US_ASCII));
                    } catch (java.io.IOException closed) {
                        break;
                    }
                    if (trickler.socket().getInputStream().available() > 0) {
                        told = trickler.readLine();
                    }
                }
                if (told == null) {
                    told = trickler.readLine();
                }
                assertEquals("ERROR line timeout", told);
            }
            HotcoldProcess.Result honest = HotcoldProcess.run("play", "--port", String.valueOf(address.getPort()), "--tls",
                    "--tls-trust", CERTIFICATES.caPem().toString(), "--lower", "1", "--upper", "10", "--secret", "4");
            assertEquals(0, honest.exitCode(), "the slots serve an honest client again: " + honest.err());
            stop(serve);
        }
    }

    /** README's TLS section, run as written: its keytool commands, then serve and play with what they made. */
    @Test
    void readmeMakesACertificateThatServeAndPlayUse() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("## TLS"), readme.indexOf("## Scaling out"));
        String commands = section.substring(section.indexOf("```sh") + 5, section.indexOf("```", section.indexOf("```sh") + 5));
        Path folder = Files.createTempDirectory("hotcold-readme-tls");
        List<String> keytools = commands.replace("\\\n", " ").lines().map(String::strip)
                .filter(line -> line.startsWith("keytool ")).toList();
        assertEquals(2, keytools.size(), commands);
        for (String keytool : keytools) {
            List<String> command = new ArrayList<>(List.of(keytool.split("\\s+")));
            command.set(0, Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            Process made = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            String said = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(made.waitFor(60, TimeUnit.SECONDS) && made.exitValue() == 0, keytool + ": " + said);
        }
        String serveLine = section.lines().filter(line -> line.startsWith("./hotcold serve")).findFirst().orElseThrow();
        assertTrue(serveLine.contains("--tls-keystore server.p12 --tls-password changeit"), serveLine);
        try (HotcoldProcess serve = HotcoldProcess.start("serve", "--port", "0", "--quiet",
                "--tls-keystore", folder.resolve("server.p12").toString(), "--tls-password", "changeit")) {
            String port = String.valueOf(serve.awaitListening().getPort());
            HotcoldProcess.Result played = HotcoldProcess.run("play", "--port", port, "--tls",
                    "--tls-trust", folder.resolve("server.crt").toString(), "--lower", "1", "--upper", "100", "--secret", "42");
            assertEquals(0, played.exitCode(), played.err());
            assertTrue(section.contains("./hotcold play --tls --tls-trust server.crt --lower 1 --upper 100 --secret 42"));
            stop(serve);
        }
    }

    @Test
    void badFilesAndMismatchesAreOneClearLine() throws Exception {
        Path missing = CERTIFICATES.folder().resolve("missing.pem");
        assertFlagError(List.of("serve", "--port", "0", "--tls-cert", missing.toString(),
                "--tls-key", CERTIFICATES.serverKeyPem().toString()), "--tls-cert", "does not exist");
        assertFlagError(List.of("serve", "--port", "0", "--tls-keystore", CERTIFICATES.serverKeyStore().toString(),
                "--tls-password", "wrong"), "--tls-keystore", "wrong password");
        assertFlagError(List.of("serve", "--port", "0", "--tls-keystore", CERTIFICATES.expiredKeyStore().toString(),
                "--tls-password", PASSWORD), "--tls-keystore", "expired");
        assertFlagError(List.of("serve", "--port", "0", "--tls-keystore", CERTIFICATES.serverKeyStore().toString(),
                "--tls-password", PASSWORD, "--tls-client-auth", "required"), "--tls-client-auth", "--tls-trust");
        assertFlagError(List.of("play", "--tls-trust", missing.toString(), "--lower", "1", "--upper", "2", "--secret", "1"),
                "--tls-trust", "does not exist");

        try (HotcoldProcess serve = serve("nio")) {
            String port = String.valueOf(serve.awaitListening().getPort());
            HotcoldProcess.Result untrusted = HotcoldProcess.run("play", "--port", port, "--tls",
                    "--lower", "1", "--upper", "10", "--secret", "3");
            assertOneLine(untrusted, "not trusted");
            HotcoldProcess.Result plain = HotcoldProcess.run("play", "--port", port, "--timeout", "5",
                    "--lower", "1", "--upper", "10", "--secret", "3");
            assertOneLine(plain, "TLS");
            stop(serve);
        }
        try (HotcoldProcess plainServer = HotcoldProcess.start("serve", "--port", "0", "--quiet")) {
            String port = String.valueOf(plainServer.awaitListening().getPort());
            HotcoldProcess.Result tlsToPlain = HotcoldProcess.run("play", "--port", port, "--tls", "--timeout", "5",
                    "--tls-trust", CERTIFICATES.caPem().toString(), "--lower", "1", "--upper", "10", "--secret", "3");
            assertOneLine(tlsToPlain, "TLS");
            stop(plainServer);
        }
    }

    private static void assertFlagError(List<String> args, String flag, String words) throws Exception {
        HotcoldProcess.Result result = HotcoldProcess.run(args.toArray(String[]::new));
        assertEquals(2, result.exitCode(), result.err());
        String first = result.errLines().get(0);
        assertTrue(first.contains("'" + flag + "'") && first.contains(words), first);
    }

    private static void assertOneLine(HotcoldProcess.Result result, String words) {
        assertEquals(1, result.exitCode(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains(words), result.err());
    }

    static {
        assertTrue(Files.isDirectory(CERTIFICATES.folder()));
    }
}
