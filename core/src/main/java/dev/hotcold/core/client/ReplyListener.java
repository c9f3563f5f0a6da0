package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Reply;

/**
 * Where {@link AsyncGameConnection#receive(ReplyListener)} delivers one reply: the way to read
 * without a stage per reply. A guess, the reply almost every line is, comes as a bare number, so a
 * client that keeps one listener per connection and sends with
 * {@link AsyncGameConnection#post(dev.hotcold.core.protocol.Command)} makes no object per round
 * trip on a transport that reads in place (NIO's client does; others fall back on their stages).
 *
 * <p>Exactly one method is called per {@code receive}, on the transport's thread, as a stage's
 * callback would be: it should be quick and must not block. It may call the connection again
 * (send the next command, receive the next reply). What it throws ends the connection: it is
 * closed, and every reply still awaited fails (on NIO's client with an {@link java.io.IOException}
 * whose cause is what was thrown).
 *
 * <pre>{@code
 * connection.post(new Command.Params(1, 100));
 * connection.post(Command.NumberRequest.INSTANCE);
 * connection.receive(new ReplyListener() {
 *     public void onGuess(long number) { ... }          // score it, post the REPORT, receive again
 *     public void onOtherReply(Reply reply) { ... }     // ERROR reason, or a line not understood
 *     public void onFailure(Throwable failure) { ... }  // the connection is over
 * });
 * }</pre>
 */
public interface ReplyListener {

    /**
     * The server's reply was a guess.
     *
     * @param number the number it guessed
     */
    void onGuess(long number);

    /**
     * The server's reply was not a guess: an {@link Reply.Error} or an {@link Reply.Unreadable} line.
     *
     * @param reply what the server said
     */
    void onOtherReply(Reply reply);

    /**
     * No reply will come: the connection failed or was closed. An {@link java.io.IOException} as
     * {@link AsyncGameConnection#receive()} fails with ({@link java.io.EOFException} when the
     * server closed, {@link ClientTimeoutException} when it took too long).
     *
     * @param failure why
     */
    void onFailure(Throwable failure);

    /**
     * Calls the listener's method for {@code reply}: {@link #onGuess} for a guess, else
     * {@link #onOtherReply}.
     *
     * @param reply a reply read as an object
     */
    default void onReply(Reply reply) {
        if (reply instanceof Reply.Guess(long number)) {
            onGuess(number);
        } else {
            onOtherReply(reply);
        }
    }
}
