package dev.hotcold.core.events;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * How a connection is protected: {@link #PLAINTEXT}, or the TLS session its handshake agreed on
 * and the certificate chain the client showed, if the server asked for one and trusted it.
 *
 * @param protocol the TLS version, such as {@code TLSv1.3}; empty for plain text
 * @param cipherSuite the cipher suite; empty for plain text
 * @param peerCertificates the client's verified chain, leaf first; empty if it showed none
 */
public record ConnectionSecurity(String protocol, String cipherSuite, List<X509Certificate> peerCertificates) {

    /** A connection without TLS. */
    public static final ConnectionSecurity PLAINTEXT = new ConnectionSecurity("", "", List.of());

    /**
     * Copies the chain.
     *
     * @throws NullPointerException if any component is null
     */
    public ConnectionSecurity {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        peerCertificates = List.copyOf(peerCertificates);
    }

    /**
     * Whether the connection runs over TLS.
     *
     * @return {@code true} unless this is {@link #PLAINTEXT}
     */
    public boolean isTls() {
        return !protocol.isEmpty();
    }

    /**
     * Who the client is, by its verified certificate's subject.
     *
     * @return the subject of the client's certificate, or empty if it showed none
     */
    public Optional<X500Principal> peerPrincipal() {
        return peerCertificates.isEmpty()
                ? Optional.empty()
                : Optional.of(peerCertificates.get(0).getSubjectX500Principal());
    }

    @Override
    public String toString() {
        if (!isTls()) {
            return "plain text";
        }
        return protocol + " " + cipherSuite + peerPrincipal().map(p -> " as " + p.getName()).orElse("");
    }
}
