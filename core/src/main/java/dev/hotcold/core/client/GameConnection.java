package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import java.io.Closeable;
import java.io.IOException;

/**
 * A blocking client connection to a game server: commands out, reply lines in, as the
 * protocol's reference client's {@code Connection} with its {@code send} and {@code receive}.
 *
 * <p>{@link #send} may hold commands in a buffer; {@link #receive} and {@link #flush} write them
 * out, so a {@code REPORT} and the {@code NUMBER} after it leave in one write. Not thread-safe:
 * one game at a time, from one thread at a time.
 */
public interface GameConnection extends Closeable {

    /**
     * Queues {@code command}; it is written by the next {@link #flush} or {@link #receive}.
     *
     * @param command the command to send
     * @throws IOException if the connection is closed or writing fails
     */
    void send(Command command) throws IOException;

    /**
     * Writes every queued command.
     *
     * @throws IOException if writing fails
     */
    void flush() throws IOException;

    /**
     * Flushes, then waits for the next line from the server.
     *
     * @return the server's reply
     * @throws java.io.EOFException if the server closed the connection
     */
    Reply receive() throws IOException;

    /** Flushes what it can and closes the connection. */
    @Override
    void close() throws IOException;

    /**
     * The blocking API over an asynchronous connection, for transports whose connections are
     * asynchronous by nature: each call waits for the stage it starts.
     *
     * @param connection the asynchronous connection to wrap
     * @return a blocking view of {@code connection}
     */
    static GameConnection blocking(AsyncGameConnection connection) {
        return new BlockingOverAsync(connection);
    }
}
