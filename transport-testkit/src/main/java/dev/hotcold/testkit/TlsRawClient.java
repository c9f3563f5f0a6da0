package dev.hotcold.testkit;

import dev.hotcold.core.tls.TlsConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;

/**
 * A {@link RawClient} over TLS on a JDK {@link SSLSocket}, for socket transports serving TLS: the
 * handshake is done when the constructor returns.
 */
public final class TlsRawClient implements RawClient {
    private final Socket plain;
    private final SSLSocket socket;
    private final OutputStream out;
    private final BufferedReader in;

    /**
     * Connects to {@code address} within 10 s and completes the handshake; reads then wait at
     * most 30 s for a line.
     *
     * @param address the server's address, an {@link InetSocketAddress}
     * @param tls what the client trusts and shows
     * @param protocols the protocol versions to offer instead of {@code tls}'s, if any given
     * @throws IOException if the connection or the handshake fails
     */
    public TlsRawClient(SocketAddress address, TlsConfig tls, String... protocols) throws IOException {
        InetSocketAddress inet = (InetSocketAddress) address;
        plain = new Socket();
        try {
            plain.connect(address, 10_000);
            plain.setTcpNoDelay(true);
            plain.setSoTimeout(30_000);
            socket = (SSLSocket) tls.context().getSocketFactory().createSocket(plain, inet.getHostString(), inet.getPort(), true);
            socket.setUseClientMode(true);
            socket.setSSLParameters(tls.clientParameters(inet.getHostString()));
            if (protocols.length > 0) {
                socket.setEnabledProtocols(protocols);
            }
            socket.startHandshake();
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
        out = socket.getOutputStream();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    /**
     * The TLS socket, for tests that look at its session.
     *
     * @return the socket
     */
    public SSLSocket socket() {
        return socket;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public String readLine() throws IOException {
        return in.readLine();
    }

    /** Sends {@code close_notify} and keeps reading: TLS 1.3's half-close. */
    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Resets the TCP connection under TLS: no {@code close_notify}, a truncation. */
    @Override
    public void abort() throws IOException {
        plain.setSoLinger(true, 0);
        plain.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
