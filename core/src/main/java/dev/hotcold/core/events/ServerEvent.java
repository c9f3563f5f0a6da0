package dev.hotcold.core.events;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a server did on one connection, as a {@link GameListener} hears it: recorded where it
 * happens (the sans-I/O session records the game's events, the server lifecycle the connection's)
 * and delivered afterwards, outside any lock, by {@code dev.hotcold.core.boundary.UserCode}.
 *
 * <pre>{@code
 * switch (event) {
 *     case ServerEvent.Reported(long guess, Decision decision) -> count(decision);
 *     case ServerEvent event -> {}
 * }
 * }</pre>
 */
public sealed interface ServerEvent {

    /** The connection was admitted and will be served: {@link GameListener#onConnectionOpened}. */
    enum ConnectionOpened implements ServerEvent {
        /** The only instance. */
        INSTANCE
    }

    /** The connection is closed and forgotten: {@link GameListener#onConnectionClosed}. */
    enum ConnectionClosed implements ServerEvent {
        /** The only instance. */
        INSTANCE
    }

    /**
     * {@code PARAMS lower upper} started a game: {@link GameListener#onGameStarted}.
     *
     * @param lower the game's lower bound
     * @param upper the game's upper bound
     */
    record GameStarted(long lower, long upper) implements ServerEvent {}

    /**
     * The client reported on a guess: {@link GameListener#onReport}.
     *
     * @param guess the server's guess the report is about
     * @param decision the client's verdict
     */
    record Reported(long guess, Decision decision) implements ServerEvent {
        /**
         * Checks that there is a decision.
         *
         * @throws NullPointerException if {@code decision} is null
         */
        public Reported {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * A game ended, whichever way: for {@link ServerObserver#onGameFinished}. The session
     * records it (and {@link GameStarted}) whether or not anyone listens, once per game.
     *
     * @param lower the game's lower bound
     * @param upper the game's upper bound
     * @param guesses how many different numbers the server guessed in it
     * @param end how it ended
     */
    record GameEnded(long lower, long upper, long guesses, GameEnd end) implements ServerEvent {
        /**
         * Checks that there is an end.
         *
         * @throws NullPointerException if {@code end} is null
         */
        public GameEnded {
            Objects.requireNonNull(end, "end");
        }
    }

    /** {@code CLEAR} ended a game (or came with none): {@link GameListener#onGameCleared}. */
    enum GameCleared implements ServerEvent {
        /** The only instance. */
        INSTANCE
    }

    /**
     * The server answered {@code ERROR reason}: {@link GameListener#onError}.
     *
     * @param reason why
     * @param cause what failed when the server's own code (the guess strategy) did; empty for bad input
     */
    record ErrorSent(ErrorReason reason, Optional<Throwable> cause) implements ServerEvent {
        /**
         * Checks that both parts are there.
         *
         * @throws NullPointerException if either is null
         */
        public ErrorSent {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
