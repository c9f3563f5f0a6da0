package dev.hotcold.core.events;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import java.util.Optional;

/**
 * Server events, for logging, metrics and tests: each says which connection it is about, so
 * that users can log and count per client.
 *
 * <p>One listener serves every connection of a server, so it must be thread-safe. A connection's
 * events arrive in order and one at a time: {@link #onConnectionOpened} first, then its games'
 * events, then {@link #onConnectionClosed} last. They arrive after the fact, outside any lock the
 * server holds, on a thread that serves that connection alone (its own thread, its client's, or a
 * virtual thread of its own on an event-loop transport), so a listener that is slow holds up its
 * own connection only. Every method does nothing by default.
 *
 * <p>What a listener throws, {@link Error}s included, is logged (at most once a second) and
 * otherwise ignored: it never ends a connection, a thread or an event loop. An
 * {@link OutOfMemoryError} ends the connection whose event it was. A listener may shut its server
 * down; waiting for the server to terminate from inside the listener throws
 * {@link IllegalStateException}, as that would wait for itself. {@code dev.hotcold.core.boundary.UserCode}
 * states the whole policy.
 *
 * <pre>{@code
 * GameListener printer = new GameListener() {
 *     public void onReport(ConnectionInfo connection, long guess, Decision decision) {
 *         System.out.println(connection.id() + ": " + guess + " is " + decision);
 *     }
 * };
 * }</pre>
 */
public interface GameListener {
    /** A listener that ignores everything. */
    GameListener NONE = new GameListener() {};

    /**
     * A connection was accepted and will be served.
     *
     * @param connection the new connection
     */
    default void onConnectionOpened(ConnectionInfo connection) {}

    /**
     * A connection that {@link #onConnectionOpened} announced is closed and forgotten.
     *
     * @param connection the closed connection
     */
    default void onConnectionClosed(ConnectionInfo connection) {}

    /**
     * {@code PARAMS lower upper} started a game.
     *
     * @param connection the client's connection
     * @param lower the game's lower bound
     * @param upper the game's upper bound
     */
    default void onGameStarted(ConnectionInfo connection, long lower, long upper) {}

    /**
     * The client reported {@code decision} on the server's guess {@code guess}.
     *
     * @param connection the client's connection
     * @param guess the server's guess the report is about
     * @param decision the client's verdict
     */
    default void onReport(ConnectionInfo connection, long guess, Decision decision) {}

    /**
     * {@code CLEAR} ended a game (or arrived with no game, which is allowed).
     *
     * @param connection the client's connection
     */
    default void onGameCleared(ConnectionInfo connection) {}

    /**
     * The server answered {@code ERROR reason}.
     *
     * @param cause what failed, when the server's own code did: a guess strategy that threw or
     *     broke the protocol's rules ({@link ErrorReason#INTERNAL_ERROR}); empty for bad input
     * @param connection the client's connection
     * @param reason why the server answered an error
     */
    default void onError(ConnectionInfo connection, ErrorReason reason, Optional<Throwable> cause) {}
}
