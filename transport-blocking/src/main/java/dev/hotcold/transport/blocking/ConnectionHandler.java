package dev.hotcold.transport.blocking;

import dev.hotcold.core.protocol.Wire;
import dev.hotcold.core.session.ServerSession;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * One connection on its own thread: read, let the session answer, write, until the client leaves,
 * falls silent past the idle timeout, or the server shuts down.
 *
 * <p>Shutdown comes from another thread. The handler publishes whether a game is in play right
 * after each batch of input and then checks for a shutdown request; shutdown sets the request and
 * then looks at that flag. Both are volatile, so at least one side sees the other: either the
 * handler finishes the session itself, or shutdown sees no game in play and ends the handler's
 * blocking read by shutting the socket's input.
 */
final class ConnectionHandler implements Runnable {
    private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());
    private static final int BUFFER_SIZE = 8192;

    private final Socket socket;
    private final ServerConfig config;
    private final Consumer<ConnectionHandler> onClosed;
    private final ServerSession session;
    private volatile boolean inGame;
    private volatile boolean finishRequested;

    ConnectionHandler(Socket socket, ServerConfig config, Consumer<ConnectionHandler> onClosed) {
        this.socket = socket;
        this.config = config;
        this.onClosed = onClosed;
        this.session = new ServerSession(config.strategy(), config.listener(), config.maxLineLength());
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(soTimeoutMillis(config));
            serve(socket.getInputStream(), socket.getOutputStream());
        } catch (SocketTimeoutException idle) {
            // Silent past the idle timeout: closed without a word, as PROTOCOL.md says.
        } catch (IOException gone) {
            // The client left or the server cut the connection off; either way it is over.
        } catch (RuntimeException bug) {
            LOG.log(Level.ERROR, "connection ended by an unexpected failure", bug);
        } finally {
            onClosed.accept(this);
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        byte[] inBytes = new byte[BUFFER_SIZE];
        ByteBuffer input = ByteBuffer.wrap(inBytes);
        ByteBuffer output = ByteBuffer.allocate(BUFFER_SIZE);
        while (!session.isFinished()) {
            int read = in.read(inBytes);
            if (read < 0) {
                return;
            }
            input.limit(read).position(0);
            while (input.hasRemaining() && !session.isFinished()) {
                session.receive(input, output);
                inGame = session.inGame();   // before the replies leave: see the class comment
                if (output.remaining() < Wire.MAX_REPLY_BYTES || !input.hasRemaining()) {
                    flush(out, output);
                }
            }
            flush(out, output);
            if (finishRequested) {
                session.finishAfterGame();
            }
        }
    }

    /** The socket read timeout for the idle timeout: 0 (none) for zero, else at least 1 ms. */
    private static int soTimeoutMillis(ServerConfig config) {
        if (config.idleTimeout().isZero()) {
            return 0;
        }
        return (int) Math.clamp(config.idleTimeout().toMillis(), 1, Integer.MAX_VALUE);
    }

    private static void flush(OutputStream out, ByteBuffer output) throws IOException {
        if (output.position() > 0) {
            out.write(output.array(), 0, output.position());
            output.clear();
        }
    }

    /** Graceful shutdown: end now if no game is in play, else after the game's CLEAR. */
    void finishAfterGame() {
        finishRequested = true;
        if (!inGame) {
            try {
                socket.shutdownInput();   // the blocked read returns end of stream
            } catch (IOException alreadyClosed) {
                // Nothing to wake.
            }
        }
    }

    /** Immediate shutdown: close the socket under the handler's feet. */
    void cutOff() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closed is closed.
        }
    }
}
