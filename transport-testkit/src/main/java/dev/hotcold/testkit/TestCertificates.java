package dev.hotcold.testkit;

import dev.hotcold.core.tls.ClientAuth;
import dev.hotcold.core.tls.TlsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Certificates for tests, made at test time with the JDK's {@code keytool} (never committed): a
 * test CA, a server certificate it signed for {@code localhost} and {@code 127.0.0.1}, a client
 * certificate it signed ({@code CN=alice}), a self-signed client certificate nobody trusts
 * ({@code CN=mallory}) and an expired server certificate; as PKCS12 key stores (password
 * {@link #PASSWORD}) and as PEM files. Made once per JVM, in a temporary folder deleted at exit.
 *
 * <pre>{@code
 * TestCertificates certificates = TestCertificates.get();
 * GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder().tls(certificates.serverTls()).build());
 * GameConnection connection = transport.client(ClientOptions.builder().tls(certificates.clientTls()).build())
 *         .connect(server.address());
 * }</pre>
 */
public final class TestCertificates {
    /** The password of every key store here. */
    public static final String PASSWORD = "hotcold-test";

    private static TestCertificates made;

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    /**
     * The certificates, made on first use (a few seconds of {@code keytool}).
     *
     * @return the certificates of this JVM
     */
    public static synchronized TestCertificates get() {
        if (made == null) {
            try {
                Path folder = Files.createTempDirectory("hotcold-test-certificates");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
                made = new TestCertificates(folder);
                made.make();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make test certificates", e);
            }
        }
        return made;
    }

    /**
     * The folder holding every file.
     *
     * @return the folder
     */
    public Path folder() {
        return folder;
    }

    /**
     * The test CA's certificate, PEM: what clients trust.
     *
     * @return the file
     */
    public Path caPem() {
        return folder.resolve("ca.crt");
    }

    /**
     * The test CA's certificate in a PKCS12 trust store.
     *
     * @return the file
     */
    public Path trustStore() {
        return folder.resolve("trust.p12");
    }

    /**
     * The server's key and chain (for {@code localhost} and {@code 127.0.0.1}), PKCS12.
     *
     * @return the file
     */
    public Path serverKeyStore() {
        return folder.resolve("server.p12");
    }

    /**
     * The server's certificate chain, PEM, leaf first.
     *
     * @return the file
     */
    public Path serverCertificatePem() {
        return folder.resolve("server-chain.crt");
    }

    /**
     * The server's private key, PKCS#8 PEM.
     *
     * @return the file
     */
    public Path serverKeyPem() {
        return folder.resolve("server.key");
    }

    /**
     * The trusted client's ({@code CN=alice}) key and chain, PKCS12.
     *
     * @return the file
     */
    public Path clientKeyStore() {
        return folder.resolve("alice.p12");
    }

    /**
     * A self-signed client's ({@code CN=mallory}) key, PKCS12: nobody trusts it.
     *
     * @return the file
     */
    public Path untrustedClientKeyStore() {
        return folder.resolve("mallory.p12");
    }

    /**
     * A server key store whose certificate expired two days ago.
     *
     * @return the file
     */
    public Path expiredKeyStore() {
        return folder.resolve("expired.p12");
    }

    /**
     * The server's TLS, asking no client certificate.
     *
     * @return the config
     */
    public TlsConfig serverTls() {
        return serverTls(ClientAuth.NONE);
    }

    /**
     * The server's TLS with {@code clientAuth}, trusting the test CA for client certificates.
     *
     * @param clientAuth whether clients must show a certificate
     * @return the config
     */
    public TlsConfig serverTls(ClientAuth clientAuth) {
        return TlsConfig.builder().keyStore(serverKeyStore(), PASSWORD.toCharArray())
                .trustPem(caPem()).clientAuth(clientAuth).build();
    }

    /**
     * A client's TLS trusting the test CA, showing no certificate.
     *
     * @return the config
     */
    public TlsConfig clientTls() {
        return TlsConfig.builder().trustPem(caPem()).build();
    }

    /**
     * A client's TLS trusting the test CA, showing alice's certificate.
     *
     * @return the config
     */
    public TlsConfig clientTlsAsAlice() {
        return TlsConfig.builder().trustPem(caPem()).keyStore(clientKeyStore(), PASSWORD.toCharArray()).build();
    }

    /**
     * A client's TLS trusting the test CA, showing mallory's self-signed certificate.
     *
     * @return the config
     */
    public TlsConfig clientTlsAsMallory() {
        return TlsConfig.builder().trustPem(caPem()).keyStore(untrustedClientKeyStore(), PASSWORD.toCharArray()).build();
    }

    private void make() throws IOException {
        String dname = "OU=hotcold tests,O=hotcold";
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=hotcold test CA," + dname, "-ext", "bc:c", "-validity", "30", "-keystore", "ca.p12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.crt");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "trust.p12");
        signed("server", "CN=localhost," + dname, "SAN=dns:localhost,ip:127.0.0.1,ip:::1");
        signed("alice", "CN=alice," + dname, null);
        keytool("-genkeypair", "-alias", "mallory", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=mallory," + dname, "-validity", "30", "-keystore", "mallory.p12");
        keytool("-genkeypair", "-alias", "expired", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost," + dname, "-startdate", "-3d", "-validity", "1", "-keystore", "expired.p12");
        Files.writeString(serverCertificatePem(),
                Files.readString(folder.resolve("server.crt")) + Files.readString(caPem()), StandardCharsets.US_ASCII);
        writeKeyPem(serverKeyStore(), "server", serverKeyPem());
    }

    /** A key pair in {@code name}.p12 whose certificate the CA signed, with its chain. */
    private void signed(String name, String subject, String extension) throws IOException {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", subject, "-validity", "30", "-keystore", store);
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
        List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12",
                "-infile", name + ".csr", "-outfile", name + ".crt", "-validity", "30"));
        if (extension != null) {
            sign.addAll(List.of("-ext", extension));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", store);
        keytool("-importcert", "-noprompt", "-alias", name, "-file", name + ".crt", "-keystore", store);
    }

    private void writeKeyPem(Path store, String alias, Path pem) throws IOException {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            Key key = keys.getKey(alias, PASSWORD.toCharArray());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n",
                    StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the PEM key of " + store, e);
        }
    }

    private void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (List.of(arguments).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making test certificates", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder: the system cleans it eventually.
        }
    }
}
