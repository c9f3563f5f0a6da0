package dev.hotcold.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM certificates and PKCS#8 private keys, read with the JDK alone. */
final class Pem {
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private Pem() {}

    /** Every certificate in {@code file}, in order; at least one. */
    static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new TlsConfigException(file + " holds no PEM certificate");
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw new TlsConfigException("certificate file " + file + " does not exist", e);
        } catch (IOException | CertificateException e) {
            throw new TlsConfigException(file + " cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }

    /** The unencrypted PKCS#8 key in {@code file}, of the certificate's algorithm. */
    static PrivateKey privateKey(Path file, String algorithm) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new TlsConfigException("key file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new TlsConfigException("key file " + file + " cannot be read: " + e.getMessage(), e);
        }
        int begin = text.indexOf(KEY_BEGIN);
        int end = text.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            String hint = text.contains("ENCRYPTED PRIVATE KEY")
                    ? "an encrypted key; decrypt it with: openssl pkcs8 -in " + file + " -out key.pem"
                    : text.contains("RSA PRIVATE KEY") || text.contains("EC PRIVATE KEY")
                            ? "a PKCS#1 or SEC1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem"
                            : "no " + KEY_BEGIN + " block";
            throw new TlsConfigException("key file " + file + " holds " + hint);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + KEY_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new TlsConfigException("key file " + file + " is not valid base64: " + e.getMessage(), e);
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException("key file " + file + " holds no " + algorithm
                    + " key for the certificate: " + e.getMessage(), e);
        }
    }

    /** Fails unless {@code key} signs what {@code certificate}'s public key verifies. */
    static void checkPair(PrivateKey key, X509Certificate certificate, Path chainFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm();   // Ed25519, Ed448: the algorithm signs by its own name
        };
        try {
            byte[] probe = "hotcold".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            if (algorithm.equals("RSASSA-PSS")) {
                signer.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            signer.initVerify(certificate.getPublicKey());
            signer.update(probe);
            if (!signer.verify(signature)) {
                throw new TlsConfigException("key file " + keyFile + " holds a key that is not the one of the certificate in " + chainFile);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException("key file " + keyFile + " does not go with " + chainFile + ": " + e.getMessage(), e);
        }
    }
}
