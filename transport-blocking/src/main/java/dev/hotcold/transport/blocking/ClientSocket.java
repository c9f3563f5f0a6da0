package dev.hotcold.transport.blocking;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.client.ClientDeadline;
import dev.hotcold.core.client.ClientOptions;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A client's blocking socket whose waits are bounded by {@link ClientDeadline}s: one for reading
 * (and connecting), one for writing, so that a reader and a writer on two threads are timed
 * apart. A wait that runs out has the deadline close the socket under it; the blocked call then
 * fails, and throws the deadline's {@link dev.hotcold.core.client.ClientTimeoutException}. Reads
 * and writes themselves are untimed: on a virtual thread a timed read arms and cancels a timer on
 * every wait, which the deadlines' two atomic operations per call do not.
 */
final class ClientSocket implements Closeable {
    private final Socket socket;
    private final ClientDeadline reading;
    private final ClientDeadline writing;
    private final InputStream in;
    private final OutputStream out;

    private ClientSocket(Socket socket, ClientDeadline reading, ClientDeadline writing) throws IOException {
        this.socket = socket;
        this.reading = reading;
        this.writing = writing;
        this.in = new TimedInput(socket.getInputStream());
        this.out = new TimedOutput(socket.getOutputStream());
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
        ClientDeadline reading = new ClientDeadline(options, address, () -> closeQuietly(socket));
        ClientDeadline writing = new ClientDeadline(options, address, () -> closeQuietly(socket));
        try {
            socket.setTcpNoDelay(true);
            reading.enter(ClientDeadline.Wait.CONNECT);
            try {
                socket.connect(address);
            } catch (IOException e) {
                throw reading.exit() ? reading.exception(e) : e;
            }
            if (reading.exit()) {
                throw reading.exception();   // connected just as the deadline closed it
            }
            return new ClientSocket(socket, reading, writing);
        } catch (IOException | RuntimeException | Error e) {
            reading.close();
            writing.close();
            closeQuietly(socket);
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
        reading.close();
        writing.close();
        socket.close();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is what is wanted; it happened or the socket was closed already.
        }
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
