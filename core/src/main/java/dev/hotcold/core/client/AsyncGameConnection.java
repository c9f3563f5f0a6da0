package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import java.util.concurrent.CompletionStage;

/**
 * A non-blocking client connection: the asyncio counterpart of {@link GameConnection}. Stages
 * complete on the transport's threads, so callbacks should be quick and must not block.
 *
 * <p>Commands go out in the order of {@link #send} calls, and their stages complete in that
 * order; replies come back in order, and {@link #receive} calls are answered in the order they
 * were made. A failure completes the stage
 * exceptionally with an {@link java.io.IOException}, an {@link java.io.EOFException} when the
 * server closed the connection.
 */
public interface AsyncGameConnection extends AutoCloseable {

    /**
     * Sends {@code command}; the stage completes once the transport has taken its bytes.
     *
     * @param command the command to send
     * @return a stage completed once the bytes are taken, or failed with an {@link java.io.IOException}
     */
    CompletionStage<Void> send(Command command);

    /**
     * The next line from the server.
     *
     * @return a stage completed with the server's reply
     */
    CompletionStage<Reply> receive();

    /** Closes the connection; pending stages complete exceptionally. */
    @Override
    void close();
}
