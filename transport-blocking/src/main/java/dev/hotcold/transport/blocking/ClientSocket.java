package dev.hotcold.transport.blocking;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientTimeoutException;
import dev.hotcold.core.transport.Addresses;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;

/**
 * A client's blocking socket with the {@link ClientOptions} timeouts: connect within the connect
 * timeout, and streams whose reads (by {@code SO_TIMEOUT}) and writes (by the
 * {@link WriteWatchdog}) wait at most the reply timeout. A wait that runs out closes the socket and
 * throws a {@link ClientTimeoutException}.
 */
final class ClientSocket implements Closeable {
    private final Socket socket;
    private final SocketAddress address;
    private final ClientOptions options;
    private final WriteWatchdog.Watch watch;
    private final InputStream in;
    private final OutputStream out;

    private ClientSocket(Socket socket, SocketAddress address, ClientOptions options) throws IOException {
        this.socket = socket;
        this.address = address;
        this.options = options;
        socket.setSoTimeout(options.replyTimeoutMillis());
        this.in = new TimedInput(socket.getInputStream());
        this.out = new TimedOutput(socket.getOutputStream());
        this.watch = WriteWatchdog.watch(socket, options.replyTimeout().toNanos());
    }

    /** Connects to {@code address} within the connect timeout. */
    static ClientSocket connect(SocketAddress address, ClientOptions options) throws IOException {
        if (!(address instanceof InetSocketAddress inet)) {
            throw new IOException("not a socket address: " + address);
        }
        if (inet.isUnresolved()) {
            throw new IOException("cannot connect to " + Addresses.describe(address) + ": unknown host");
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, options.connectTimeoutMillis());
            return new ClientSocket(socket, address, options);
        } catch (SocketTimeoutException e) {
            socket.close();
            ClientTimeoutException timeout = ClientTimeoutException.connect(address, options.connectTimeout());
            timeout.initCause(e);
            throw timeout;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    @Override
    public void close() throws IOException {
        watch.close();
        socket.close();
    }

    /** Closes quietly and makes the exception a timeout ends with. */
    private IOException timedOut(IOException cause, boolean reading) {
        try {
            close();
        } catch (IOException ignored) {
            // Closing is what is wanted; it happened or the socket was closed already.
        }
        ClientTimeoutException timeout = reading && !watch.fired()
                ? ClientTimeoutException.reply(address, options.replyTimeout())
                : ClientTimeoutException.send(address, options.replyTimeout());
        timeout.initCause(cause);
        return timeout;
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
            try {
                return in.read(bytes, offset, length);
            } catch (SocketTimeoutException e) {
                throw timedOut(e, true);
            } catch (IOException e) {
                // The watchdog closed the socket under a read that waited for a stalled write's turn.
                throw watch.fired() ? timedOut(e, false) : e;
            }
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
            watch.beginWrite();
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw watch.fired() ? timedOut(e, false) : e;
            } finally {
                watch.endWrite();
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
