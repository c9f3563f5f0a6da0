package dev.hotcold.testkit;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.tls.TlsConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.util.Map;

/**
 * A transport under test with TLS added wherever the suite does not say otherwise: every server
 * serves with the test server certificate, every client trusts the test CA. How the testkit's
 * suites run over TLS without a copy of any test.
 */
final class TlsEverywhere implements Transport {
    private final Transport plain;
    private final TlsConfig serverTls;
    private final TlsConfig clientTls;

    TlsEverywhere(Transport plain, TestCertificates certificates) {
        this(plain, certificates.serverTls(), certificates.clientTls());
    }

    private TlsEverywhere(Transport plain, TlsConfig serverTls, TlsConfig clientTls) {
        this.plain = plain;
        this.serverTls = serverTls;
        this.clientTls = clientTls;
    }

    /** The client side's TLS, for the suite's raw clients. */
    TlsConfig clientTls() {
        return clientTls;
    }

    @Override
    public String name() {
        return plain.name();
    }

    @Override
    public Transport withOptions(Map<String, String> options) {
        return new TlsEverywhere(plain.withOptions(options), serverTls, clientTls);
    }

    @Override
    public GameServer serve(ServerConfig config) throws IOException {
        return plain.serve(config.tls().isPresent() ? config : config.toBuilder().tls(serverTls).build());
    }

    @Override
    public GameClient client(ClientOptions options) {
        return plain.client(options.tls().isPresent() ? options : options.toBuilder().tls(clientTls).build());
    }

    @Override
    public void close() {
        plain.close();
    }

    @Override
    public String toString() {
        return plain + " over TLS";
    }
}
