package dev.hotcold.cli.flags;

import dev.hotcold.core.tls.ClientAuth;
import dev.hotcold.core.tls.TlsConfig;
import dev.hotcold.core.tls.TlsConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The TLS flags of {@code serve} ({@link Server}) and of {@code play} and {@code load}
 * ({@link Client}): key material from PEM files or a key store, what to trust, and for the server
 * whether clients must show a certificate. A bad file or password is a flag error (exit 2) whose
 * message names the flag and the file.
 */
public final class TlsFlags {
    private TlsFlags() {}

    /** The key material and trust flags both sides share. */
    public abstract static class Shared {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--tls-cert", paramLabel = "FILE",
                description = "PEM certificate chain to show, leaf first; with --tls-key.")
        Path cert;

        @Option(names = "--tls-key", paramLabel = "FILE",
                description = "PEM private key (PKCS#8, unencrypted) of --tls-cert.")
        Path key;

        @Option(names = "--tls-keystore", paramLabel = "FILE",
                description = "PKCS12 keystore with the key and chain to show, instead of --tls-cert/--tls-key.")
        Path keyStore;

        @Option(names = "--tls-password", paramLabel = "PASSWORD",
                description = "Password of --tls-keystore (and --tls-trust if a keystore): the password itself,"
                        + " env:NAME to read it from an environment variable, or file:PATH to read it from a file (default: empty).")
        String password = "";

        @Option(names = "--tls-trust", paramLabel = "FILE",
                description = "Certificates to trust: a PEM file, or a PKCS12 keystore (a file name ending in p12 or pfx).")
        Path trust;

        @Option(names = "--tls12", description = "Accept TLS 1.2 as well as TLS 1.3.")
        boolean tls12;

        /** Whether any TLS flag was given. */
        boolean anyGiven() {
            return cert != null || key != null || keyStore != null || trust != null || tls12;
        }

        /** The builder with the shared flags applied; errors name the flag. */
        TlsConfig.Builder builder() {
            TlsConfig.Builder builder = TlsConfig.builder().allowTls12(tls12);
            if ((cert == null) != (key == null)) {
                throw error(cert == null ? "--tls-key" : "--tls-cert", "needs "
                        + (cert == null ? "--tls-cert" : "--tls-key") + " beside it");
            }
            if (cert != null && keyStore != null) {
                throw error("--tls-keystore", "give --tls-keystore or --tls-cert/--tls-key, not both");
            }
            if (cert != null) {
                builder.pem(cert, key);
            }
            if (keyStore != null) {
                builder.keyStore(keyStore, password().toCharArray());
            }
            if (trust != null) {
                String name = trust.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                    builder.trustStore(trust, password().toCharArray());
                } else {
                    builder.trustPem(trust);
                }
            }
            return builder;
        }

        /** The config, or a flag error naming the flag whose file is at fault. */
        TlsConfig build(TlsConfig.Builder builder) {
            try {
                return builder.build();
            } catch (TlsConfigException e) {
                throw error(flagOf(e.getMessage()), e.getMessage());
            }
        }

        private String flagOf(String message) {
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("--tls-cert", cert);
            files.put("--tls-key", key);
            files.put("--tls-keystore", keyStore);
            files.put("--tls-trust", trust);
            for (Map.Entry<String, Path> file : files.entrySet()) {
                if (file.getValue() != null && message.contains(file.getValue().toString())) {
                    return file.getKey();
                }
            }
            return keyStore != null ? "--tls-keystore" : cert != null ? "--tls-cert" : "--tls-trust";
        }

        /** The password as given, from the environment or from a file. */
        String password() {
            if (password.startsWith("env:")) {
                String value = System.getenv(password.substring(4));
                if (value == null) {
                    throw error("--tls-password", "environment variable " + password.substring(4) + " is not set");
                }
                return value;
            }
            if (password.startsWith("file:")) {
                try {
                    return Files.readString(Path.of(password.substring(5)), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw error("--tls-password", "cannot read " + password.substring(5) + ": " + e.getMessage());
                }
            }
            return password;
        }

        ParameterException error(String flag, String message) {
            return new ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + message);
        }
    }

    /** {@code serve}'s TLS flags. */
    public static final class Server extends Shared {
        @Option(names = "--tls-client-auth", paramLabel = "POLICY",
                description = "Ask clients for a certificate: none, optional or required; with --tls-trust (default: none).")
        String clientAuth = "none";

        /**
         * The server's TLS, or empty for plain text.
         *
         * @return the config, or empty
         * @throws ParameterException naming the flag, if the flags do not make one
         */
        public Optional<TlsConfig> config() {
            ClientAuth policy = switch (clientAuth.toLowerCase(Locale.ROOT)) {
                case "none" -> ClientAuth.NONE;
                case "optional" -> ClientAuth.OPTIONAL;
                case "required" -> ClientAuth.REQUIRED;
                default -> throw error("--tls-client-auth", "'" + clientAuth + "' is not one of none, optional, required");
            };
            if (!anyGiven()) {
                if (policy != ClientAuth.NONE) {
                    throw error("--tls-client-auth", "needs TLS: give --tls-cert/--tls-key or --tls-keystore");
                }
                return Optional.empty();
            }
            if (cert == null && key == null && keyStore == null) {
                throw error("--tls-cert", "a TLS server needs a certificate: give --tls-cert/--tls-key or --tls-keystore");
            }
            if (policy != ClientAuth.NONE && trust == null) {
                throw error("--tls-client-auth", policy.name().toLowerCase(Locale.ROOT)
                        + " needs --tls-trust: the certificates client certificates must be signed by");
            }
            return Optional.of(build(builder().clientAuth(policy)));
        }
    }

    /** {@code play}'s and {@code load}'s TLS flags. */
    public static final class Client extends Shared {
        @Option(names = "--tls", description = "Connect over TLS (implied by any other --tls flag); trusts the JDK's CAs"
                + " unless --tls-trust says otherwise.")
        boolean tls;

        /**
         * The client's TLS, or empty for plain text.
         *
         * @return the config, or empty
         */
        public Optional<TlsConfig> config() {
            if (!tls && !anyGiven()) {
                return Optional.empty();
            }
            return Optional.of(build(builder()));
        }
    }
}
