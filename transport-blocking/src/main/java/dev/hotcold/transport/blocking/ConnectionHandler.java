package dev.hotcold.transport.blocking;

import dev.hotcold.core.protocol.Wire;
import dev.hotcold.core.session.ServerSession;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * One connection on its own thread: read, let the session answer, write, until the client leaves,
 * falls silent past the idle timeout, or the server shuts down.
 *
 * <p>Shutdown comes from another thread. As soon as a read returns, the handler marks itself busy
 * and then checks for a shutdown request; after the batch it publishes whether a game is in play,
 * clears busy and checks again. Shutdown sets the request and then looks at both flags; it shuts
 * the socket's input (ending a blocked read) only when the handler is neither busy nor in a game.
 * The flags are volatile, so at least one side sees the other: either the handler sees the
 * request and finishes the session itself (before taking a batch that would start a game, or
 * after the game in play ends), or shutdown sees an idle handler between batches.
 *
 * <p>The idle timeout is not a socket read timeout: on virtual threads a timed read arms and
 * cancels a timer on every wait, which measured a quarter of the server's CPU. The handler only
 * notes when bytes last moved, and the server's reaper closes connections silent too long.
 */
final class ConnectionHandler implements Runnable {
    private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());
    private static final int BUFFER_SIZE = 4096;

    private final SocketChannel channel;
    private final Consumer<ConnectionHandler> onClosed;
    private final ServerSession session;
    private final boolean trackActivity;
    private volatile boolean inGame;
    private volatile boolean busy;
    private volatile boolean finishRequested;
    /** nanoTime when bytes last moved, kept only when there is an idle timeout. */
    private volatile long lastActive;

    ConnectionHandler(SocketChannel channel, ServerConfig config, Consumer<ConnectionHandler> onClosed) {
        this.channel = channel;
        this.onClosed = onClosed;
        this.session = new ServerSession(config.strategy(), config.listener(), config.maxLineLength());
        this.trackActivity = !config.idleTimeout().isZero();
        this.lastActive = System.nanoTime();
    }

    @Override
    public void run() {
        try (channel) {
            serve();
        } catch (IOException gone) {
            // The client left, the reaper found it idle, or the server cut it off: it is over.
        } catch (RuntimeException bug) {
            LOG.log(Level.ERROR, "connection ended by an unexpected failure", bug);
        } finally {
            onClosed.accept(this);
        }
    }

    private void serve() throws IOException {
        ByteBuffer input = ByteBuffer.allocate(BUFFER_SIZE);
        ByteBuffer output = ByteBuffer.allocate(BUFFER_SIZE);
        while (!session.isFinished()) {
            input.clear();
            if (channel.read(input) < 0) {
                return;
            }
            busy = true;   // before looking at the request: see the class comment
            if (finishRequested) {
                session.finishAfterGame();
            }
            touch();
            input.flip();
            while (input.hasRemaining() && !session.isFinished()) {
                session.receive(input, output);
                if (output.remaining() < Wire.MAX_REPLY_BYTES || !input.hasRemaining()) {
                    flush(output);
                }
            }
            flush(output);
            inGame = session.inGame();
            busy = false;
            if (finishRequested) {
                session.finishAfterGame();
            }
        }
    }

    private void flush(ByteBuffer output) throws IOException {
        if (output.position() == 0) {
            return;
        }
        output.flip();
        while (output.hasRemaining()) {
            channel.write(output);
        }
        output.clear();
        touch();
    }

    private void touch() {
        if (trackActivity) {
            lastActive = System.nanoTime();
        }
    }

    /** Whether no byte moved since {@code sinceNanos} (a nanoTime). */
    boolean idleSince(long sinceNanos) {
        return lastActive - sinceNanos < 0;
    }

    /** Graceful shutdown: end now if no game is in play, else after the game's CLEAR. */
    void finishAfterGame() {
        finishRequested = true;
        if (!busy && !inGame) {
            try {
                channel.shutdownInput();   // the blocked read returns end of stream
            } catch (IOException alreadyClosed) {
                // Nothing to wake.
            }
        }
    }

    /** Immediate shutdown, or idle too long: close the channel under the handler's feet. */
    void cutOff() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closed is closed.
        }
    }
}
