package dev.hotcold.core.events;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import java.util.Optional;

/**
 * Server events, for logging, metrics and tests: each says which connection it is about, so
 * that users can log and count per client.
 *
 * <p>One listener serves every connection of a server, and transports call it on their I/O
 * threads, so it must be thread-safe and quick; every method does nothing by default. A listener
 * that throws is logged (at most once a second) and otherwise ignored: it never ends a
 * connection, a thread or an event loop.
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
