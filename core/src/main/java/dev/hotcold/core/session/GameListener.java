package dev.hotcold.core.session;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;

/**
 * Server events, for logging, metrics and tests: what the seed's server prints as
 * {@code Server: N is D}, and a little more.
 *
 * <p>One listener serves every connection of a server, and transports call it on their I/O
 * threads, so it must be thread-safe and quick; every method does nothing by default.
 *
 * <pre>{@code
 * GameListener printer = new GameListener() {
 *     public void onReport(long guess, Decision decision) {
 *         System.out.println("Server: " + guess + " is " + decision);
 *     }
 * };
 * }</pre>
 */
public interface GameListener {
    /** A listener that ignores everything. */
    GameListener NONE = new GameListener() {};

    /** A connection was accepted and will be served. */
    default void onConnectionOpened() {}

    /** A connection that {@link #onConnectionOpened()} announced is closed and forgotten. */
    default void onConnectionClosed() {}

    /** {@code PARAMS lower upper} started a game. */
    default void onGameStarted(long lower, long upper) {}

    /** The client reported {@code decision} on the server's guess {@code guess}. */
    default void onReport(long guess, Decision decision) {}

    /** {@code CLEAR} ended a game (or arrived with no game, which is allowed). */
    default void onGameCleared() {}

    /** The server answered {@code ERROR reason}. */
    default void onError(ErrorReason reason) {}
}
