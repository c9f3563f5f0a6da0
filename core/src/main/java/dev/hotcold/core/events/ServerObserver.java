package dev.hotcold.core.events;

import dev.hotcold.core.protocol.ErrorReason;
import java.net.SocketAddress;

/**
 * What a server counts, for operators: metrics and traces (hotcold's JDK Flight Recorder events
 * and its Micrometer binding are observers). Where a {@link GameListener} is for what an
 * application does with the games, an observer is for how the server is doing.
 *
 * <p>An observer is called where the work happens, on the thread that serves the connection (an
 * event loop, on NIO), with no lock held, so it must be quick and must never block: count, time,
 * record, and return. In exchange it costs no hand-off. What it throws is handled as a listener's
 * failure is ({@code dev.hotcold.core.boundary.UserCode}). It must be thread-safe: one observer
 * serves every connection. Every method does nothing by default.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder().observer(new ServerObserver() {
 *     public void onGameFinished(ConnectionInfo connection, GameSummary game) {
 *         guessesPerGame.record(game.guesses());
 *     }
 * }).build();
 * }</pre>
 */
public interface ServerObserver {
    /** An observer that counts nothing. */
    ServerObserver NONE = new ServerObserver() {};

    /**
     * A connection was admitted.
     *
     * @param connection the connection
     */
    default void onConnectionAdmitted(ConnectionInfo connection) {}

    /**
     * A connection was turned away without being served.
     *
     * @param client the client's address
     * @param reason why
     */
    default void onConnectionRefused(SocketAddress client, Refusal reason) {}

    /**
     * An admitted connection closed.
     *
     * @param connection the connection
     * @param summary its games, bytes, lifetime and why it closed
     */
    default void onConnectionClosed(ConnectionInfo connection, ConnectionSummary summary) {}

    /**
     * A game started.
     *
     * @param connection the connection it is played on
     * @param lower the game's lower bound
     * @param upper the game's upper bound
     */
    default void onGameStarted(ConnectionInfo connection, long lower, long upper) {}

    /**
     * A game ended.
     *
     * @param connection the connection it was played on
     * @param game its range, guesses, end and duration
     */
    default void onGameFinished(ConnectionInfo connection, GameSummary game) {}

    /**
     * The server answered {@code ERROR reason}: the client's input was bad, or the strategy failed.
     *
     * @param connection the connection
     * @param reason why
     */
    default void onProtocolError(ConnectionInfo connection, ErrorReason reason) {}

    /**
     * The server answered a client's bytes that held at least one {@code NUMBER}: the time from
     * the bytes handed to the session to its replies made (the strategy's work included, the
     * network's not). In the book's lockstep play, one per round trip.
     *
     * @param connection the connection
     * @param nanos the service time in nanoseconds
     */
    default void onRoundTrip(ConnectionInfo connection, long nanos) {}

    /**
     * A listener, strategy or observer threw; the policy that followed is
     * {@code dev.hotcold.core.boundary.UserCode}'s.
     *
     * @param connection the connection it concerned
     * @param source which user code
     * @param failure what it threw
     */
    default void onUserCodeFailure(ConnectionInfo connection, UserCodeSource source, Throwable failure) {}
}
