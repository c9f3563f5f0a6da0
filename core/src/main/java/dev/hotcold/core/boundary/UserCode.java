package dev.hotcold.core.boundary;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.ConnectionSummary;
import dev.hotcold.core.events.GameSummary;
import dev.hotcold.core.events.Refusal;
import dev.hotcold.core.events.ServerObserver;
import dev.hotcold.core.events.UserCodeSource;
import dev.hotcold.core.protocol.ErrorReason;
import java.net.SocketAddress;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.ServerEvent;
import dev.hotcold.core.protocol.Decision;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The one place hotcold calls its users' server code: the guess strategy and its guessers, and
 * the {@link GameListener}. Whatever such code throws, {@link Error}s included, stops here.
 *
 * <h2>The policy</h2>
 * <ul>
 *   <li><b>A strategy or guesser that throws</b> ends its game: the client is answered
 *       {@code ERROR internal error} (that command, and every {@code NUMBER} of the game until
 *       the next {@code PARAMS}), the failure is logged (at most once a second, with how many
 *       were kept quiet) and handed to {@link GameListener#onError}. The connection plays on.</li>
 *   <li><b>A listener that throws</b> is logged the same way and otherwise ignored: the event is
 *       lost to it, nothing else is. Its failure is not handed back to it.</li>
 *   <li><b>{@link OutOfMemoryError}</b>, from either, ends the connection it concerns: it is
 *       closed at once (its buffers and session are what the server can give back), its slot is
 *       released, and the error is logged at {@code ERROR}. It is not rethrown: a rethrown error
 *       would end a thread or an event loop that serves every other connection, which is worse
 *       than anything it could protect. {@link StackOverflowError} and every other throwable
 *       count as an ordinary failure: the stack has unwound by the time it reaches here.</li>
 *   <li>No thread ends, no event loop stops, and no connection slot leaks because of user code.
 *       User code never runs while hotcold holds a lock that another connection needs.</li>
 * </ul>
 *
 * <p>The strategy calls return what the user code returned, or throw a {@link UserCodeFailure}
 * carrying what it threw: the caller answers the client and records the failure as an event.
 * Events are delivered by {@link #deliver}. Thread-safe; holds no state but its logs.
 */
public final class UserCode {
    /** For sessions outside any server. */
    private static final Logs SHARED_LOGS = new Logs();

    private UserCode() {}

    /**
     * Where failures of user code are logged, each log at most once a second: a server has its
     * own, so that one server's flood of failures does not keep another's first one quiet.
     * Thread-safe.
     */
    public static final class Logs {
        private final RateLimitedLog strategy = new RateLimitedLog(GuessStrategy.class.getName(), Level.WARNING);
        private final RateLimitedLog listener = new RateLimitedLog(GameListener.class.getName(), Level.WARNING);
        private final RateLimitedLog observer = new RateLimitedLog(ServerObserver.class.getName(), Level.WARNING);
        /** Apart from the others, so that a flood of ordinary failures cannot keep it quiet. */
        private final RateLimitedLog fatal = new RateLimitedLog(UserCode.class.getName(), Level.ERROR);

        /** Logs that have logged nothing yet. */
        public Logs() {}
    }

    /**
     * {@link GuessStrategy#newGame}, guarded.
     *
     * @param strategy the user's strategy
     * @param lower the game's lower bound
     * @param upper the game's upper bound
     * @return the new game's guesser
     * @throws UserCodeFailure if the strategy threw, or returned no guesser
     */
    public static Guesser newGame(GuessStrategy strategy, long lower, long upper) throws UserCodeFailure {
        Guesser guesser;
        try {
            guesser = strategy.newGame(lower, upper);
        } catch (Throwable failure) {
            throw new UserCodeFailure("GuessStrategy.newGame", failure);
        }
        if (guesser == null) {
            throw new UserCodeFailure("GuessStrategy.newGame", new NullPointerException(
                    "the strategy returned no guesser for [" + lower + ", " + upper + "]"));
        }
        return guesser;
    }

    /**
     * {@link Guesser#restart}, guarded.
     *
     * @param guesser a guesser whose game is over
     * @param lower the new game's lower bound
     * @param upper the new game's upper bound
     * @return whether it plays the new game
     * @throws UserCodeFailure if it threw
     */
    public static boolean restart(Guesser guesser, long lower, long upper) throws UserCodeFailure {
        try {
            return guesser.restart(lower, upper);
        } catch (Throwable failure) {
            throw new UserCodeFailure("Guesser.restart", failure);
        }
    }

    /**
     * {@link Guesser#hasNext()}, guarded.
     *
     * @param guesser the game's guesser
     * @return what it returned
     * @throws UserCodeFailure if it threw
     */
    public static boolean hasNext(Guesser guesser) throws UserCodeFailure {
        try {
            return guesser.hasNext();
        } catch (Throwable failure) {
            throw new UserCodeFailure("Guesser.hasNext", failure);
        }
    }

    /**
     * {@link Guesser#next()}, guarded.
     *
     * @param guesser the game's guesser
     * @return the guess it returned
     * @throws UserCodeFailure if it threw
     */
    public static long next(Guesser guesser) throws UserCodeFailure {
        try {
            return guesser.next();
        } catch (Throwable failure) {
            throw new UserCodeFailure("Guesser.next", failure);
        }
    }

    /**
     * {@link Guesser#onReport}, guarded.
     *
     * @param guesser the game's guesser
     * @param decision the client's verdict on its last guess
     * @throws UserCodeFailure if it threw
     */
    public static void onReport(Guesser guesser, Decision decision) throws UserCodeFailure {
        try {
            guesser.onReport(decision);
        } catch (Throwable failure) {
            throw new UserCodeFailure("Guesser.onReport", failure);
        }
    }

    /**
     * Hands one event to the listener, and logs a strategy failure the event carries (even with
     * {@link GameListener#NONE}, so that no failure goes unlogged).
     *
     * @param event what happened
     * @param listener the server's listener
     * @param connection the connection it happened on
     * @return what the listener threw, or null: the connection must be closed if it was an
     *     {@link OutOfMemoryError} ({@link #isFatal}; a strategy's has ended its session already)
     */
    public static Throwable deliver(ServerEvent event, GameListener listener, ConnectionInfo connection) {
        return deliver(event, listener, connection, SHARED_LOGS);
    }

    /**
     * {@link #deliver(ServerEvent, GameListener, ConnectionInfo)}, logging to a server's own logs.
     *
     * @param event what happened
     * @param listener the server's listener
     * @param connection the connection it happened on
     * @param logs the server's logs
     * @return what the listener threw, or null
     */
    public static Throwable deliver(ServerEvent event, GameListener listener, ConnectionInfo connection, Logs logs) {
        if (event instanceof ServerEvent.ErrorSent(var reason, Optional<Throwable> cause) && cause.isPresent()) {
            // A strategy out of memory has ended its session already: the transport sends the
            // reply and then closes, as for any finished session.
            Throwable failure = cause.get();
            String message = connection + " answered ERROR " + reason.text() + ": the guess strategy failed";
            if (isFatal(failure)) {
                logs.fatal.log(message + " with " + failure.getClass().getSimpleName() + "; the connection is closed", failure);
            } else {
                logs.strategy.log(message, failure);
            }
        }
        if (listener == GameListener.NONE) {
            return null;
        }
        try {
            switch (event) {
                case ServerEvent.ConnectionOpened opened -> listener.onConnectionOpened(connection);
                case ServerEvent.GameStarted(long lower, long upper) -> listener.onGameStarted(connection, lower, upper);
                case ServerEvent.Reported(long guess, Decision decision) -> listener.onReport(connection, guess, decision);
                case ServerEvent.GameCleared cleared -> listener.onGameCleared(connection);
                case ServerEvent.ErrorSent(var reason, Optional<Throwable> cause) -> listener.onError(connection, reason, cause);
                case ServerEvent.ConnectionClosed closed -> listener.onConnectionClosed(connection);
                case ServerEvent.GameEnded ended -> { }   // for observers: GameListener has no such method
            }
        } catch (Throwable failure) {
            String method = "GameListener." + listenerMethod(event);
            if (isFatal(failure)) {
                logs.fatal.log(method + " threw " + failure.getClass().getSimpleName() + " on " + connection
                        + "; the connection is closed", failure);
                return failure;
            }
            logs.listener.log(method + " threw on " + connection + "; the server carries on", failure);
            return failure;
        }
        return null;
    }

    /**
     * Whether a failure of user code ends the connection it concerns rather than its game.
     *
     * @param failure what the user code threw
     * @return {@code true} for an {@link OutOfMemoryError}
     */
    public static boolean isFatal(Throwable failure) {
        return failure instanceof OutOfMemoryError;
    }

    private static String listenerMethod(ServerEvent event) {
        return switch (event) {
            case ServerEvent.ConnectionOpened opened -> "onConnectionOpened";
            case ServerEvent.GameStarted started -> "onGameStarted";
            case ServerEvent.Reported reported -> "onReport";
            case ServerEvent.GameCleared cleared -> "onGameCleared";
            case ServerEvent.ErrorSent error -> "onError";
            case ServerEvent.ConnectionClosed closed -> "onConnectionClosed";
            case ServerEvent.GameEnded ended -> "(none)";
        };
    }

    // --- The observer: called inline, each call guarded ------------------------------------------

    /**
     * {@link ServerObserver#onConnectionAdmitted}, guarded.
     *
     * @param observer the server's observer
     * @param connection the connection
     * @param logs the server's logs
     * @return {@code true} if the observer ran out of memory: the connection must be closed
     */
    public static boolean admitted(ServerObserver observer, ConnectionInfo connection, Logs logs) {
        try {
            observer.onConnectionAdmitted(connection);
            return false;
        } catch (Throwable failure) {
            return observerFailed("onConnectionAdmitted", connection, failure, logs);
        }
    }

    /**
     * {@link ServerObserver#onConnectionRefused}, guarded.
     *
     * @param observer the server's observer
     * @param client the refused client's address
     * @param reason why it was refused
     * @param logs the server's logs
     */
    public static void refused(ServerObserver observer, SocketAddress client, Refusal reason, Logs logs) {
        try {
            observer.onConnectionRefused(client, reason);
        } catch (Throwable failure) {
            observerFailed("onConnectionRefused", null, failure, logs);
        }
    }

    /**
     * {@link ServerObserver#onConnectionClosed}, guarded.
     *
     * @param observer the server's observer
     * @param connection the connection
     * @param summary its games, bytes, lifetime and why it closed
     * @param logs the server's logs
     */
    public static void closed(ServerObserver observer, ConnectionInfo connection, ConnectionSummary summary, Logs logs) {
        try {
            observer.onConnectionClosed(connection, summary);
        } catch (Throwable failure) {
            observerFailed("onConnectionClosed", connection, failure, logs);
        }
    }

    /**
     * {@link ServerObserver#onGameStarted}, guarded.
     *
     * @param observer the server's observer
     * @param connection the connection
     * @param lower the game's lower bound
     * @param upper the game's upper bound
     * @param logs the server's logs
     * @return {@code true} if the observer ran out of memory: the connection must be closed
     */
    public static boolean gameStarted(ServerObserver observer, ConnectionInfo connection, long lower, long upper,
            Logs logs) {
        try {
            observer.onGameStarted(connection, lower, upper);
            return false;
        } catch (Throwable failure) {
            return observerFailed("onGameStarted", connection, failure, logs);
        }
    }

    /**
     * {@link ServerObserver#onGameFinished}, guarded.
     *
     * @param observer the server's observer
     * @param connection the connection
     * @param game the finished game
     * @param logs the server's logs
     * @return {@code true} if the observer ran out of memory: the connection must be closed
     */
    public static boolean gameFinished(ServerObserver observer, ConnectionInfo connection, GameSummary game, Logs logs) {
        try {
            observer.onGameFinished(connection, game);
            return false;
        } catch (Throwable failure) {
            return observerFailed("onGameFinished", connection, failure, logs);
        }
    }

    /**
     * {@link ServerObserver#onProtocolError}, guarded.
     *
     * @param observer the server's observer
     * @param connection the connection
     * @param reason the error's reason
     * @param logs the server's logs
     * @return {@code true} if the observer ran out of memory: the connection must be closed
     */
    public static boolean protocolError(ServerObserver observer, ConnectionInfo connection, ErrorReason reason, Logs logs) {
        try {
            observer.onProtocolError(connection, reason);
            return false;
        } catch (Throwable failure) {
            return observerFailed("onProtocolError", connection, failure, logs);
        }
    }

    /**
     * {@link ServerObserver#onRoundTrip}, guarded.
     *
     * @param observer the server's observer
     * @param connection the connection
     * @param nanos the service time
     * @param logs the server's logs
     * @return {@code true} if the observer ran out of memory: the connection must be closed
     */
    public static boolean roundTrip(ServerObserver observer, ConnectionInfo connection, long nanos, Logs logs) {
        try {
            observer.onRoundTrip(connection, nanos);
            return false;
        } catch (Throwable failure) {
            return observerFailed("onRoundTrip", connection, failure, logs);
        }
    }

    /**
     * {@link ServerObserver#onUserCodeFailure}, guarded: an observer that fails on another's
     * failure is logged, not told of its own.
     *
     * @param observer the server's observer
     * @param connection the connection
     * @param source which user code failed
     * @param failure what it threw
     * @param logs the server's logs
     */
    public static void userCodeFailed(ServerObserver observer, ConnectionInfo connection, UserCodeSource source,
            Throwable failure, Logs logs) {
        try {
            observer.onUserCodeFailure(connection, source, failure);
        } catch (Throwable observerFailure) {
            observerFailed("onUserCodeFailure", connection, observerFailure, logs);
        }
    }

    private static boolean observerFailed(String method, ConnectionInfo connection, Throwable failure, Logs logs) {
        String where = connection == null ? "" : " on " + connection;
        if (isFatal(failure)) {
            logs.fatal.log("ServerObserver." + method + " threw " + failure.getClass().getSimpleName() + where
                    + (connection == null ? "" : "; the connection is closed"), failure);
            return connection != null;
        }
        logs.observer.log("ServerObserver." + method + " threw" + where + "; the server carries on", failure);
        return false;
    }
}
