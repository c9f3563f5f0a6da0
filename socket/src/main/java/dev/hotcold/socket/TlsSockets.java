package dev.hotcold.socket;

import dev.hotcold.core.events.ConnectionSecurity;
import dev.hotcold.core.tls.TlsConfig;
import java.io.IOException;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * TLS over a socket transport's sockets: an {@link SSLSocket} layered on an accepted or connected
 * socket, the session a handshake agreed on as core's {@link ConnectionSecurity}, and a handshake
 * failure said in one line a user can act on.
 */
public final class TlsSockets {
    private TlsSockets() {}

    /**
     * The server side of TLS over an accepted socket; the handshake starts at the first read or
     * write, or at {@link SSLSocket#startHandshake()}. Closing it sends {@code close_notify} and
     * closes {@code socket}.
     *
     * @param socket the accepted socket, in blocking mode
     * @param tls the server's TLS settings
     * @return the TLS socket over it
     * @throws IOException if the socket is closed already
     */
    public static SSLSocket serverSide(Socket socket, TlsConfig tls) throws IOException {
        SSLSocket secured = (SSLSocket) tls.context().getSocketFactory().createSocket(socket, null, true);
        secured.setUseClientMode(false);
        secured.setSSLParameters(tls.serverParameters());
        return secured;
    }

    /**
     * The client side of TLS over a connected socket, for a server reached as {@code host}.
     *
     * @param socket the connected socket, in blocking mode
     * @param host the host name or address the user connected to
     * @param port the server's port
     * @param tls the client's TLS settings
     * @return the TLS socket over it
     * @throws IOException if the socket is closed already
     */
    public static SSLSocket clientSide(Socket socket, String host, int port, TlsConfig tls) throws IOException {
        SSLSocket secured = (SSLSocket) tls.context().getSocketFactory().createSocket(socket, host, port, true);
        secured.setUseClientMode(true);
        secured.setSSLParameters(tls.clientParameters(host));
        return secured;
    }

    /**
     * The session as core reports it: protocol, cipher suite and the peer's verified chain.
     *
     * @param session a session whose handshake is done
     * @return its security
     */
    public static ConnectionSecurity security(SSLSession session) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
        } catch (SSLPeerUnverifiedException noCertificate) {
            // The peer showed none (the server did not insist): an empty chain.
        }
        return new ConnectionSecurity(session.getProtocol(), session.getCipherSuite(), chain);
    }

    /**
     * What went wrong in a handshake, in words a user can act on, from the JDK's exception: an
     * untrusted, expired or misnamed certificate, a peer that does not speak TLS, no protocol in
     * common, a certificate asked for and missing.
     *
     * @param failure the exception the handshake ended with
     * @return one line, without a trailing period
     */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException) {
                return "the certificate has expired (" + cause.getMessage() + ")";
            }
            if (cause instanceof CertificateNotYetValidException) {
                return "the certificate is not valid yet (" + cause.getMessage() + ")";
            }
        }
        String all = messages(failure).toLowerCase(Locale.ROOT);
        if (all.contains("no subject alternative") || all.contains("no name matching")) {
            return "the server's certificate does not name the host connected to (" + lastMessage(failure) + ")";
        }
        if (all.contains("pkix path") || all.contains("unable to find valid certification path")) {
            return "the certificate is not trusted: no trusted certificate signed it";
        }
        if (all.contains("bad_certificate") || all.contains("certificate_required") || all.contains("unknown_ca")
                || all.contains("certificate_unknown")) {
            return "the other side rejected the certificate (" + lastMessage(failure) + ")";
        }
        if (all.contains("unsupported or unrecognized ssl message") || all.contains("plaintext connection")) {
            return "the other side does not speak TLS (a plain-text peer on a TLS connection?)";
        }
        if (all.contains("no appropriate protocol") || all.contains("protocol_version")) {
            return "no TLS version in common (" + lastMessage(failure) + ")";
        }
        if (all.contains("closed") || all.contains("reset") || all.contains("broken pipe") || all.contains("eof")) {
            return "the other side closed the TLS connection (" + lastMessage(failure)
                    + "); does it speak TLS? does it require a client certificate, or not trust ours?";
        }
        return "TLS handshake failed: " + lastMessage(failure);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String lastMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
