package dev.hotcold.transport.blocking;

import dev.hotcold.core.codec.Wire;
import dev.hotcold.socket.SocketChannelSide;
import dev.hotcold.core.server.ServerConnection;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.socket.Sockets;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import dev.hotcold.core.tls.TlsConfig;
import dev.hotcold.socket.TlsSockets;
import javax.net.ssl.SSLSocket;

/**
 * One connection on its own thread: read, let the session answer, write, until the client
 * leaves, the session finishes, or core closes the channel (idle, shutdown).
 *
 * <p>The idle timeout is not a socket read timeout: on virtual threads a timed read arms and
 * cancels a timer on every wait, which measured a quarter of the server's CPU. Core notes when
 * bytes last moved, and the server's reaper asks it which connections were silent too long.
 */
final class ConnectionHandler extends SocketChannelSide {
    private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());
    /** Set by {@link #closeWith}: the reply to send once reading has stopped, or null. */
    private volatile ByteBuffer farewell;
    private static final int BUFFER_SIZE = 4096;
    /** The server's TLS settings, or null for plain text. */
    private final TlsConfig tlsConfig;
    /** The TLS socket over {@link #channel}, once made on the connection's thread; null for plain text. */
    private volatile SSLSocket tls;
    /** Set by {@link #endInput}: a TLS read that fails from now on is the end of input core asked for. */
    private volatile boolean inputEnded;

    ConnectionHandler(SocketChannel channel, TlsConfig tlsConfig) {
        super(channel);
        this.tlsConfig = tlsConfig;
    }

    @Override
    public boolean handshakes() {
        return tlsConfig != null;
    }

    /**
     * Runs on the connection's own thread: admission (or the refusal), then the connection until
     * it ends. Whatever happens, an admitted connection is reported closed, once.
     */
    void run(ServerLifecycle server) {
        Optional<ServerConnection> admitted;
        try {
            admitted = server.admit(this);
        } catch (Throwable failure) {
            close();
            LOG.log(Level.ERROR, "a connection could not be admitted; it is closed", failure);
            return;
        }
        admitted.ifPresent(connection -> serve(connection, server));
    }

    private void serve(ServerConnection connection, ServerLifecycle server) {
        try (channel) {
            if (tlsConfig != null && !handshake(connection, server)) {
                return;
            }
            pump(connection, server, server.idleScanIntervalNanos() != 0);
            closeTls();
        } catch (IOException gone) {
            // The client left, it was idle too long, or the server cut it off: it is over.
        } catch (Throwable bug) {
            // Out of memory for a buffer, say: this connection ends; the server goes on.
            LOG.log(Level.ERROR, "connection ended by an unexpected failure", bug);
        } finally {
            connection.closed();
        }
    }

    /**
     * The TLS handshake, on this thread; core's scan closes the socket under it if it takes longer
     * than the handshake timeout. False if it failed (the connection then closes).
     */
    private boolean handshake(ServerConnection connection, ServerLifecycle server) throws IOException {
        SSLSocket secured = TlsSockets.serverSide(channel.socket(), tlsConfig);
        tls = secured;
        try {
            secured.startHandshake();
        } catch (IOException failed) {
            connection.handshakeFailed(failed);
            return false;
        }
        connection.secured(TlsSockets.security(secured.getSession()), server.now());
        return true;
    }

    /** Over TLS, {@code close_notify} before the socket closes: the client can tell an end from a cut. */
    private void closeTls() {
        SSLSocket secured = tls;
        if (secured != null) {
            Sockets.closeQuietly(secured);
        }
    }

    private int read(ByteBuffer input) throws IOException {
        SSLSocket secured = tls;
        if (secured == null) {
            return channel.read(input);
        }
        try {
            int read = secured.getInputStream().read(input.array(), input.arrayOffset() + input.position(), input.remaining());
            if (read > 0) {
                input.position(input.position() + read);
            }
            return read;
        } catch (IOException e) {
            if (inputEnded) {
                return -1;   // core ended the input (shutdown, line timeout): not the client's fault
            }
            throw e;
        }
    }

    private void write(ByteBuffer output) throws IOException {
        SSLSocket secured = tls;
        if (secured == null) {
            while (output.hasRemaining()) {
                channel.write(output);
            }
            return;
        }
        if (output.hasArray()) {
            secured.getOutputStream().write(output.array(), output.arrayOffset() + output.position(), output.remaining());
            output.position(output.limit());
        } else {
            byte[] bytes = new byte[output.remaining()];
            output.get(bytes);
            secured.getOutputStream().write(bytes);
        }
    }

    private void pump(ServerConnection connection, ServerLifecycle server, boolean timed) throws IOException {
        // Plain text reads and writes the channel with direct buffers, which the JDK hands to the
        // kernel as they are; a heap buffer would be copied through a temporary direct one on
        // every call. The TLS socket's streams take arrays.
        ByteBuffer input = tls == null ? ByteBuffer.allocateDirect(BUFFER_SIZE) : ByteBuffer.allocate(BUFFER_SIZE);
        ByteBuffer output = tls == null ? ByteBuffer.allocateDirect(BUFFER_SIZE) : ByteBuffer.allocate(BUFFER_SIZE);
        while (!connection.isFinished()) {
            input.clear();
            if (read(input) < 0) {
                sayFarewell();
                return;
            }
            long now = timed ? server.now() : 0;
            input.flip();
            while (input.hasRemaining() && !connection.isFinished()) {
                connection.receive(input, output, now);
                if (output.remaining() < Wire.MAX_REPLY_BYTES || !input.hasRemaining()) {
                    flush(output, connection, server, timed);
                }
            }
            flush(output, connection, server, timed);
        }
    }

    private void flush(ByteBuffer output, ServerConnection connection, ServerLifecycle server, boolean timed)
            throws IOException {
        if (output.position() == 0) {
            return;
        }
        output.flip();
        write(output);
        output.clear();
        if (timed) {
            connection.sent(server.now());
        }
    }

    /** The last reply core asked for, sent on this connection's own thread when reading stops. */
    private void sayFarewell() throws IOException {
        ByteBuffer reply = farewell;
        if (reply != null) {
            write(reply.duplicate());   // a client that does not read: core closes the channel under it
        }
    }

    /**
     * Hands {@code reply} to the connection's thread and wakes it from its read: it sends the reply
     * and closes. The calling thread (the idle scan) never waits for the client.
     */
    @Override
    public void closeWith(ByteBuffer reply) {
        farewell = reply;
        endInput();
    }

    @Override
    public void endInput() {
        inputEnded = true;
        try {
            channel.shutdownInput();   // the blocked read returns end of stream
        } catch (IOException alreadyClosed) {
            // Nothing to wake.
        }
    }

    @Override
    public void close() {
        Sockets.closeQuietly(channel);
    }
}
