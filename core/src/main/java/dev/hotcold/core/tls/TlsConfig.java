package dev.hotcold.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for a server ({@code ServerConfig.Builder.tls}) or a client ({@code ClientOptions.Builder.tls}):
 * the key material a side shows, the certificates it trusts, the protocol versions, and, for a
 * server, whether clients must show a certificate. Built once; every file is read and checked in
 * {@link Builder#build()}, so a missing file, a wrong password or an expired certificate fails
 * there, with a message naming the file, and never at the first handshake.
 *
 * <pre>{@code
 * TlsConfig serverTls = TlsConfig.builder()
 *         .pem(Path.of("server.crt"), Path.of("server.key"))      // or .keyStore(path, password)
 *         .build();
 * TlsConfig clientTls = TlsConfig.builder()
 *         .trustPem(Path.of("ca.crt"))                             // default: the JDK's trusted CAs
 *         .build();
 * }</pre>
 *
 * <p>TLS 1.3 only by default; {@link Builder#allowTls12(boolean)} adds TLS 1.2. A client checks
 * that the server's certificate names the host it connected to (as HTTPS does), unless
 * {@link Builder#verifyHostname(boolean)} turns that off. Immutable and thread-safe.
 */
public final class TlsConfig {
    private static final String TLS13 = "TLSv1.3";
    private static final String TLS12 = "TLSv1.2";

    private final SSLContext context;
    private final ClientAuth clientAuth;
    private final List<String> protocols;
    private final boolean verifyHostname;
    private final String description;

    private TlsConfig(SSLContext context, Builder builder, String description) {
        this.context = context;
        this.clientAuth = builder.clientAuth;
        this.protocols = builder.allowTls12 ? List.of(TLS13, TLS12) : List.of(TLS13);
        this.verifyHostname = builder.verifyHostname;
        this.description = description;
    }

    /**
     * A builder with the defaults: no key material, the JDK's trusted certificates, TLS 1.3 only,
     * no client certificates asked for, host names verified.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The context engines are made from.
     *
     * @return the SSL context
     */
    public SSLContext context() {
        return context;
    }

    /**
     * Whether a server asks clients for certificates.
     *
     * @return the client-certificate policy; {@link ClientAuth#NONE} by default
     */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /**
     * The protocol versions offered and accepted.
     *
     * @return {@code [TLSv1.3]}, or {@code [TLSv1.3, TLSv1.2]} with TLS 1.2 allowed
     */
    public List<String> protocols() {
        return protocols;
    }

    /**
     * Whether a client checks that the server's certificate names the host it connected to.
     *
     * @return {@code true} by default
     */
    public boolean verifyHostname() {
        return verifyHostname;
    }

    /**
     * A server-side engine, set up with these protocols and the client-certificate policy.
     *
     * @return a new engine in server mode
     */
    public SSLEngine newServerEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(serverParameters());
        return engine;
    }

    /**
     * The parameters of a server's socket or engine.
     *
     * @return new parameters: protocols and client-certificate policy
     */
    public SSLParameters serverParameters() {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        switch (clientAuth) {
            case REQUIRED -> parameters.setNeedClientAuth(true);
            case OPTIONAL -> parameters.setWantClientAuth(true);
            case NONE -> parameters.setWantClientAuth(false);
        }
        return parameters;
    }

    /**
     * A client-side engine for a connection to {@code host}: its name is sent (SNI) when it is a
     * name, and checked against the server's certificate unless host names are not verified.
     *
     * @param host the host connected to, as the user wrote it (a name or an address)
     * @param port the server's port
     * @return a new engine in client mode
     */
    public SSLEngine newClientEngine(String host, int port) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        engine.setSSLParameters(clientParameters(host));
        return engine;
    }

    /**
     * The parameters of a client's socket or engine connecting to {@code host}.
     *
     * @param host the host connected to
     * @return new parameters: protocols, SNI and host-name verification
     */
    public SSLParameters clientParameters(String host) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (host != null && !host.isEmpty() && Character.isLetter(host.charAt(0)) && host.indexOf(':') < 0) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException notAName) {
                // An address or a name SNI cannot carry: no server name is sent.
            }
        }
        return parameters;
    }

    @Override
    public String toString() {
        return "TlsConfig[" + description + ", protocols=" + protocols + ", clientAuth=" + clientAuth
                + (verifyHostname ? "" : ", hostnames not verified") + "]";
    }

    /** Builds a {@link TlsConfig}; {@link #build()} reads the files and checks them. */
    public static final class Builder {
        private Path keyStore;
        private char[] keyStorePassword;
        private Path certificateChain;
        private Path privateKey;
        private Path trustStore;
        private char[] trustStorePassword;
        private Path trustPem;
        private SSLContext context;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private boolean allowTls12;
        private boolean verifyHostname = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The key and certificate chain this side shows, from a PKCS12 (or JKS) key store holding
         * one private key. A server needs key material; a client needs it only for a server that
         * asks for client certificates.
         *
         * @param path the key store file
         * @param password its password (also the key's)
         * @return this builder
         */
        public Builder keyStore(Path path, char[] password) {
            this.keyStore = Objects.requireNonNull(path, "keyStore");
            this.keyStorePassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * The key and certificate chain this side shows, from PEM files: the chain (leaf first) and
         * an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}).
         *
         * @param certificateChain the certificates, leaf first
         * @param privateKey the leaf's private key
         * @return this builder
         */
        public Builder pem(Path certificateChain, Path privateKey) {
            this.certificateChain = Objects.requireNonNull(certificateChain, "certificateChain");
            this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
            return this;
        }

        /**
         * Trusts the certificates in this key store (and no others): a client trusting a private
         * CA, a server checking client certificates.
         *
         * @param path the trust store file (PKCS12 or JKS)
         * @param password its password
         * @return this builder
         */
        public Builder trustStore(Path path, char[] password) {
            this.trustStore = Objects.requireNonNull(path, "trustStore");
            this.trustStorePassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * Trusts the certificates in this PEM file (and no others).
         *
         * @param certificates one or more PEM certificates
         * @return this builder
         */
        public Builder trustPem(Path certificates) {
            this.trustPem = Objects.requireNonNull(certificates, "certificates");
            return this;
        }

        /**
         * Uses this context as it is, instead of key and trust files: for applications that
         * manage their own key material.
         *
         * @param context a TLS context, initialised
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.context = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        /**
         * Whether a server asks clients for certificates; clients ignore it.
         *
         * @param clientAuth the policy
         * @return this builder
         */
        public Builder clientAuth(ClientAuth clientAuth) {
            this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
            return this;
        }

        /**
         * Whether TLS 1.2 is accepted beside TLS 1.3.
         *
         * @param allow {@code true} to accept TLS 1.2
         * @return this builder
         */
        public Builder allowTls12(boolean allow) {
            this.allowTls12 = allow;
            return this;
        }

        /**
         * Whether a client checks the server's certificate against the host it connected to.
         *
         * @param verify {@code false} only for tests and private networks
         * @return this builder
         */
        public Builder verifyHostname(boolean verify) {
            this.verifyHostname = verify;
            return this;
        }

        /**
         * The clock the certificates' validity is checked against at {@link #build()}; for tests.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Reads the files and makes the config.
         *
         * @return the config
         * @throws TlsConfigException naming the file and what is wrong with it: missing, unreadable,
         *     a wrong password, no key, a key that is not the certificate's, an expired or not yet
         *     valid certificate, or two sources of keys given at once
         */
        public TlsConfig build() {
            if (context != null) {
                if (keyStore != null || certificateChain != null || trustStore != null || trustPem != null) {
                    throw new TlsConfigException("sslContext replaces key and trust files; give one or the other");
                }
                return new TlsConfig(context, this, "own SSLContext");
            }
            if (keyStore != null && certificateChain != null) {
                throw new TlsConfigException("give a key store or PEM files, not both");
            }
            if (trustStore != null && trustPem != null) {
                throw new TlsConfigException("give a trust store or a PEM trust file, not both");
            }
            List<String> described = new ArrayList<>();
            KeyManager[] keys = null;
            KeyStore keyMaterial = null;
            char[] keyPassword = null;
            if (keyStore != null) {
                keyMaterial = KeyFiles.loadStore(keyStore, keyStorePassword, "key store");
                keyPassword = keyStorePassword;
                described.add("keys from " + keyStore);
            } else if (certificateChain != null) {
                keyPassword = new char[0];
                keyMaterial = KeyFiles.pemKeyStore(certificateChain, privateKey, keyPassword);
                described.add("keys from " + certificateChain + " and " + privateKey);
            }
            if (keyMaterial != null) {
                String source = keyStore != null ? keyStore.toString() : certificateChain.toString();
                checkValidity(keyMaterial, source);
                keys = keyManagers(keyMaterial, keyPassword, source);
            }
            TrustManager[] trust = null;
            if (trustStore != null) {
                trust = trustManagers(KeyFiles.loadStore(trustStore, trustStorePassword, "trust store"));
                described.add("trusting " + trustStore);
            } else if (trustPem != null) {
                trust = trustManagers(KeyFiles.pemTrustStore(trustPem));
                described.add("trusting " + trustPem);
            } else {
                described.add("trusting the JDK's CAs");
            }
            try {
                SSLContext made = SSLContext.getInstance("TLS");
                made.init(keys, trust, null);
                return new TlsConfig(made, this, String.join(", ", described));
            } catch (GeneralSecurityException e) {
                throw new TlsConfigException("cannot set up TLS: " + e.getMessage(), e);
            }
        }

        private static KeyManager[] keyManagers(KeyStore store, char[] password, String source) {
            try {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, password);
                return factory.getKeyManagers();
            } catch (UnrecoverableKeyException e) {
                throw new TlsConfigException(source + ": the key's password is not the key store's", e);
            } catch (GeneralSecurityException e) {
                throw new TlsConfigException(source + ": " + e.getMessage(), e);
            }
        }

        private static TrustManager[] trustManagers(KeyStore store) {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                return factory.getTrustManagers();
            } catch (GeneralSecurityException e) {
                throw new TlsConfigException("cannot use trusted certificates: " + e.getMessage(), e);
            }
        }

        /** The shown certificate must be valid now: an expired one fails every handshake later. */
        private void checkValidity(KeyStore store, String source) {
            try {
                Date now = Date.from(clock.instant());
                int keyEntries = 0;
                for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                    String alias = aliases.nextElement();
                    if (!store.isKeyEntry(alias)) {
                        continue;
                    }
                    keyEntries++;
                    if (store.getCertificate(alias) instanceof X509Certificate leaf) {
                        if (leaf.getNotAfter().before(now)) {
                            throw new TlsConfigException(source + ": certificate " + leaf.getSubjectX500Principal().getName()
                                    + " expired on " + leaf.getNotAfter().toInstant());
                        }
                        if (leaf.getNotBefore().after(now)) {
                            throw new TlsConfigException(source + ": certificate " + leaf.getSubjectX500Principal().getName()
                                    + " is not valid before " + leaf.getNotBefore().toInstant());
                        }
                    }
                }
                if (keyEntries == 0) {
                    throw new TlsConfigException(source + ": holds no private key");
                }
            } catch (GeneralSecurityException e) {
                throw new TlsConfigException(source + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reading key stores and PEM files, with errors that name the file. */
    static final class KeyFiles {
        private KeyFiles() {}

        static KeyStore loadStore(Path path, char[] password, String what) {
            String type = path.toString().toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12";
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password);
                return store;
            } catch (NoSuchFileException e) {
                throw new TlsConfigException(what + " " + path + " does not exist", e);
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                    throw new TlsConfigException(what + " " + path + ": wrong password", e);
                }
                throw new TlsConfigException(what + " " + path + " cannot be read as " + type + ": " + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new TlsConfigException(what + " " + path + ": " + e.getMessage(), e);
            }
        }

        static KeyStore pemKeyStore(Path chainFile, Path keyFile, char[] password) {
            List<X509Certificate> chain = Pem.certificates(chainFile);
            java.security.PrivateKey key = Pem.privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm());
            Pem.checkPair(key, chain.get(0), chainFile, keyFile);
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("hotcold", key, password, chain.toArray(X509Certificate[]::new));
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new TlsConfigException("cannot hold the key of " + keyFile + ": " + e.getMessage(), e);
            }
        }

        static KeyStore pemTrustStore(Path file) {
            List<X509Certificate> certificates = Pem.certificates(file);
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                int n = 0;
                for (X509Certificate certificate : certificates) {
                    store.setCertificateEntry("trusted-" + n++, certificate);
                }
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new TlsConfigException("cannot trust the certificates of " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
