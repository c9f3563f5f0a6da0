package dev.hotcold.socket;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.client.ClientDeadline;
import dev.hotcold.core.client.ClientOptions;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import dev.hotcold.core.tls.TlsConfig;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * A client's blocking socket, TCP or UNIX-domain, whose waits are bounded by
 * {@link ClientDeadline}s: one for reading (and connecting), one for writing, so that a reader
 * and a writer on two threads are timed apart. A wait that runs out has the deadline close the
 * socket under it; the blocked call then fails, and throws the deadline's
 * {@link dev.hotcold.core.client.ClientTimeoutException}. Reads and writes themselves are
 * untimed: on a virtual thread a timed read arms and cancels a timer on every wait, which the
 * deadlines' two atomic operations per call do not. The client side of a socket transport is
 * this plus core's {@code StreamGameConnection} and {@code StreamAsyncConnection}:
 *
 * <pre>{@code
 * ClientChannel socket = ClientChannel.connect(address, options);
 * GameConnection connection = new StreamGameConnection(socket.in(), socket.out(), socket);
 * }</pre>
 */
public final class ClientChannel implements Closeable {
    private final SocketChannel channel;
    private final ClientDeadline reading;
    private final ClientDeadline writing;
    private final InputStream in;
    private final OutputStream out;

    /** The TLS socket over {@link #channel}, or null for plain text. */
    private final SSLSocket tls;

    private ClientChannel(SocketChannel channel, SSLSocket tls, ClientDeadline reading, ClientDeadline writing)
            throws IOException {
        this.channel = channel;
        this.tls = tls;
        this.reading = reading;
        this.writing = writing;
        this.in = new TimedInput(tls != null ? tls.getInputStream() : Channels.newInputStream(channel));
        this.out = new TimedOutput(tls != null ? tls.getOutputStream() : Channels.newOutputStream(channel));
    }

    /**
     * Connects to {@code address} (an {@link InetSocketAddress} or a
     * {@link UnixDomainSocketAddress}) within the connect timeout, with TCP_NODELAY on for TCP.
     *
     * @param address the server's address
     * @param options the client's timeouts
     * @return the connected socket
     * @throws IOException naming the address if it cannot connect
     * @throws dev.hotcold.core.client.ClientTimeoutException if connecting takes longer than the connect timeout
     */
    public static ClientChannel connect(SocketAddress address, ClientOptions options) throws IOException {
        SocketChannel channel = SocketChannel.open(family(address));
        ClientDeadline reading = new ClientDeadline(options, address, () -> Sockets.closeQuietly(channel));
        ClientDeadline writing = new ClientDeadline(options, address, () -> Sockets.closeQuietly(channel));
        try {
            if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            reading.enter(ClientDeadline.Wait.CONNECT);   // the TLS handshake, if any, is part of connecting
            SSLSocket tls = null;
            try {
                channel.connect(address);
                if (options.tls().isPresent()) {
                    tls = handshake(channel, address, options.tls().get(), reading);
                }
            } catch (IOException e) {
                throw reading.exit() ? reading.exception(e) : e;
            }
            if (reading.exit()) {
                throw reading.exception();   // connected just as the deadline closed it
            }
            return new ClientChannel(channel, tls, reading, writing);
        } catch (IOException | RuntimeException | Error e) {
            reading.close();
            writing.close();
            Sockets.closeQuietly(channel);
            throw e;
        }
    }

    /** The client's TLS handshake over the connected {@code channel}, its failure said in one line. */
    private static SSLSocket handshake(SocketChannel channel, SocketAddress address, TlsConfig config,
            ClientDeadline connecting) throws IOException {
        String host = address instanceof InetSocketAddress inet ? inet.getHostString() : "localhost";
        int port = address instanceof InetSocketAddress inet ? inet.getPort() : 0;
        SSLSocket tls = TlsSockets.clientSide(channel.socket(), host, port, config);
        try {
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            if (connecting.hasExpired()) {
                throw e;   // the connect deadline closed it: reported as the timeout
            }
            SSLHandshakeException failed = new SSLHandshakeException("TLS handshake with "
                    + Addresses.describe(address) + " failed: " + TlsSockets.describe(e));
            failed.initCause(e);
            throw failed;
        }
    }

    private static StandardProtocolFamily family(SocketAddress address) throws IOException {
        if (address instanceof UnixDomainSocketAddress) {
            return StandardProtocolFamily.UNIX;
        }
        if (!(address instanceof InetSocketAddress inet)) {
            throw new IOException("not a socket address: " + address);
        }
        if (inet.isUnresolved()) {
            throw new IOException("cannot connect to " + Addresses.describe(address) + ": unknown host");
        }
        return inet.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /**
     * The server's bytes; a read waits at most the reply timeout without a byte arriving.
     *
     * @return the input stream
     */
    public InputStream in() {
        return in;
    }

    /**
     * Where commands go; a write waits at most the reply timeout for the server to take them.
     *
     * @return the output stream
     */
    public OutputStream out() {
        return out;
    }

    /**
     * The TLS session of the connection, if it runs over TLS.
     *
     * @return the session, or empty for plain text
     */
    public java.util.Optional<javax.net.ssl.SSLSession> tlsSession() {
        return tls == null ? java.util.Optional.empty() : java.util.Optional.of(tls.getSession());
    }

    /** Closes the socket (over TLS, after {@code close_notify}) and stops its deadlines. */
    @Override
    public void close() throws IOException {
        if (tls != null && channel.isOpen()) {
            // close_notify is one small record: the send buffer takes it, unless the server stopped
            // reading long ago; then the writing deadline closes the channel under it.
            writing.enter(ClientDeadline.Wait.SEND);
            try {
                tls.close();
            } catch (IOException ignored) {
                // Closing anyway.
            } finally {
                writing.exit();
            }
        }
        reading.close();
        writing.close();
        channel.close();
    }

    /**
     * The failure a call ended with: its own deadline's timeout, the other direction's when that
     * one closed the socket under it, or the failure itself.
     */
    private static IOException failure(IOException cause, ClientDeadline own, ClientDeadline other) {
        if (own.exit()) {
            return own.exception(cause);
        }
        return other.hasExpired() ? other.exception(cause) : cause;
    }

    private final class TimedInput extends InputStream {
        private final InputStream in;

        TimedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            reading.enter(ClientDeadline.Wait.REPLY);
            int read;
            try {
                read = in.read(bytes, offset, length);
            } catch (IOException e) {
                throw failure(e, reading, writing);
            }
            if (reading.exit()) {
                throw reading.exception();
            }
            return read;
        }
    }

    private final class TimedOutput extends OutputStream {
        private final OutputStream out;

        TimedOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writing.enter(ClientDeadline.Wait.SEND);
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw failure(e, writing, reading);
            }
            if (writing.exit()) {
                throw writing.exception();
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
