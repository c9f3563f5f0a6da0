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

    /**
     * Sends {@code command} without a stage to watch: for a client that waits on replies only.
     * Commands go out in order with those of {@link #send}; a command that cannot be sent fails
     * the connection, which the next reply awaited shows. On a transport that buffers sends (NIO's
     * client) this makes no object; the default sends through {@link #send} and drops its stage.
     *
     * @param command the command to send
     */
    default void post(Command command) {
        send(command);
    }

    /**
     * The next line from the server, delivered to {@code listener} rather than through a stage:
     * exactly one of its methods is called, on the transport's thread (at once, on the calling
     * thread, if the reply is already here). Replies are answered in the order of the calls to
     * both {@code receive} methods. On a transport that reads in place (NIO's client) nothing is
     * made per reply for a guess; the default goes through {@link #receive()}'s stage.
     *
     * @param listener told of the reply or of the failure
     */
    default void receive(ReplyListener listener) {
        receive().whenComplete((reply, failure) -> {
            try {
                if (failure == null) {
                    listener.onReply(reply);
                } else {
                    listener.onFailure(AsyncGame.unwrap(failure));
                }
            } catch (Throwable thrown) {
                close();   // the listener's failure ends the connection, as ReplyListener says
                throw thrown;
            }
        });
    }

    /** Closes the connection; pending stages complete exceptionally. */
    @Override
    void close();
}
