package dev.hotcold.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.tls.ClientAuth;
import dev.hotcold.core.tls.TlsConfig;
import dev.hotcold.core.tls.TlsConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TlsConfig}'s files as a user gets them wrong: each mistake is a
 * {@link TlsConfigException} whose one-line message names the file and says what is wrong, at
 * build time rather than at the first handshake.
 */
class TlsConfigTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.get();
    private static final char[] PASSWORD = TestCertificates.PASSWORD.toCharArray();

    @TempDir
    Path folder;

    private static String failure(TlsConfig.Builder builder) {
        String message = assertThrows(TlsConfigException.class, builder::build).getMessage();
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    @Test
    void goodFilesMakeAConfigWithTls13Only() {
        TlsConfig fromStore = TlsConfig.builder().keyStore(CERTIFICATES.serverKeyStore(), PASSWORD).build();
        TlsConfig fromPem = TlsConfig.builder().pem(CERTIFICATES.serverCertificatePem(), CERTIFICATES.serverKeyPem())
                .trustPem(CERTIFICATES.caPem()).clientAuth(ClientAuth.REQUIRED).build();
        assertEquals(List.of("TLSv1.3"), fromStore.protocols());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), TlsConfig.builder().allowTls12(true).build().protocols());
        assertTrue(fromPem.serverParameters().getNeedClientAuth());
        assertTrue(fromPem.newServerEngine().getNeedClientAuth());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = folder.resolve("nope.p12");
        String message = failure(TlsConfig.builder().keyStore(missing, PASSWORD));
        assertTrue(message.contains(missing.toString()) && message.contains("does not exist"), message);
        message = failure(TlsConfig.builder().pem(folder.resolve("chain.pem"), CERTIFICATES.serverKeyPem()));
        assertTrue(message.contains("chain.pem") && message.contains("does not exist"), message);
        message = failure(TlsConfig.builder().trustPem(folder.resolve("ca.pem")));
        assertTrue(message.contains("ca.pem") && message.contains("does not exist"), message);
    }

    @Test
    void aWrongPasswordIsSaid() {
        String message = failure(TlsConfig.builder().keyStore(CERTIFICATES.serverKeyStore(), "wrong".toCharArray()));
        assertTrue(message.contains("wrong password") && message.contains("server.p12"), message);
    }

    @Test
    void anExpiredCertificateFailsAtBuildNotAtTheFirstHandshake() {
        String message = failure(TlsConfig.builder().keyStore(CERTIFICATES.expiredKeyStore(), PASSWORD));
        assertTrue(message.contains("expired on"), message);
        Clock later = Clock.fixed(Instant.now().plusSeconds(90L * 24 * 3600), ZoneOffset.UTC);
        message = failure(TlsConfig.builder().keyStore(CERTIFICATES.serverKeyStore(), PASSWORD).clock(later));
        assertTrue(message.contains("CN=localhost") && message.contains("expired"), message);
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() throws Exception {
        // alice's key beside the server's certificate: both EC, so only the pair check can tell.
        Path aliceKey = folder.resolve("alice.key");
        Files.writeString(aliceKey, pemKeyOf(CERTIFICATES.clientKeyStore(), "alice"), StandardCharsets.US_ASCII);
        String message = failure(TlsConfig.builder().pem(CERTIFICATES.serverCertificatePem(), aliceKey));
        assertTrue(message.contains("alice.key") && message.contains("not the one of the certificate"), message);
    }

    @Test
    void keysInOtherFormatsGetTheCommandThatConvertsThem() throws Exception {
        Path pkcs1 = folder.resolve("rsa.key");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        String message = failure(TlsConfig.builder().pem(CERTIFICATES.serverCertificatePem(), pkcs1));
        assertTrue(message.contains("openssl pkcs8 -topk8 -nocrypt"), message);
        Path encrypted = folder.resolve("enc.key");
        Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n");
        message = failure(TlsConfig.builder().pem(CERTIFICATES.serverCertificatePem(), encrypted));
        assertTrue(message.contains("encrypted key"), message);
        Path notPem = folder.resolve("cert.pem");
        Files.writeString(notPem, "hello\n");
        message = failure(TlsConfig.builder().pem(notPem, CERTIFICATES.serverKeyPem()));
        assertTrue(message.contains("cert.pem"), message);
    }

    @Test
    void twoSourcesOfKeysAreOneTooMany() {
        String message = failure(TlsConfig.builder().keyStore(CERTIFICATES.serverKeyStore(), PASSWORD)
                .pem(CERTIFICATES.serverCertificatePem(), CERTIFICATES.serverKeyPem()));
        assertTrue(message.contains("not both"), message);
    }

    private static String pemKeyOf(Path store, String alias) throws Exception {
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        byte[] der = keys.getKey(alias, PASSWORD).getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
