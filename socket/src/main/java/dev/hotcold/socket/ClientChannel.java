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

    private ClientChannel(SocketChannel channel, ClientDeadline reading, ClientDeadline writing) {
        this.channel = channel;
        this.reading = reading;
        this.writing = writing;
        this.in = new TimedInput(Channels.newInputStream(channel));
        this.out = new TimedOutput(Channels.newOutputStream(channel));
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
            reading.enter(ClientDeadline.Wait.CONNECT);
            try {
                channel.connect(address);
            } catch (IOException e) {
                throw reading.exit() ? reading.exception(e) : e;
            }
            if (reading.exit()) {
                throw reading.exception();   // connected just as the deadline closed it
            }
            return new ClientChannel(channel, reading, writing);
        } catch (IOException | RuntimeException | Error e) {
            reading.close();
            writing.close();
            Sockets.closeQuietly(channel);
            throw e;
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

    /** Closes the socket and stops its deadlines. */
    @Override
    public void close() throws IOException {
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
