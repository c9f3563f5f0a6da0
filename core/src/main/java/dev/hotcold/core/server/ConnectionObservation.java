package dev.hotcold.core.server;

import dev.hotcold.core.boundary.UserCode;
import dev.hotcold.core.events.CloseReason;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.ConnectionSummary;
import dev.hotcold.core.events.GameSummary;
import dev.hotcold.core.events.ServerEvent;
import dev.hotcold.core.events.ServerEvents;
import dev.hotcold.core.events.ServerObserver;
import dev.hotcold.core.events.UserCodeSource;
import dev.hotcold.core.protocol.ErrorReason;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one connection reports to operators: JDK Flight Recorder events (each costs nothing while
 * no recording enables it) and the server's {@link ServerObserver}, called inline through
 * {@link UserCode}. Fed from the connection's thread: admission, each session call's events and
 * service time, and the close; listener failures come from the delivery thread.
 */
final class ConnectionObservation {
    /** Set once more, with the TLS session, before {@link #admitted()}. */
    private volatile ConnectionInfo info;
    private final ServerObserver observer;
    private final boolean observed;
    private final UserCode.Logs logs;
    private final Runnable closeConnection;
    private final Consumer<ServerEvent> observeEvent = this::observe;
    private final long admittedAt = System.nanoTime();
    /** Begun at admission when a recording takes it; committed at the close. */
    private ConnectionClosedEvent closedEvent;
    /** Begun at the game's start when a recording takes it; committed at its end. */
    private GameFinishedEvent gameEvent;
    private long gameStartedAt;
    private long games;
    private long bytesIn;
    private long bytesOut;

    ConnectionObservation(ConnectionInfo info, ServerObserver observer, UserCode.Logs logs, Runnable closeConnection) {
        this.info = info;
        this.observer = observer;
        this.observed = observer != ServerObserver.NONE;
        this.logs = logs;
        this.closeConnection = closeConnection;
    }

    /** The connection is secured: what is observed from now on names its TLS session. */
    void identify(ConnectionInfo secured) {
        info = secured;
    }

    /** The connection was admitted (over TLS: its handshake is done, or it ends before that). */
    void admitted() {
        ConnectionAdmittedEvent admitted = new ConnectionAdmittedEvent();
        if (admitted.isEnabled()) {
            admitted.connection = info.id();
            admitted.client = String.valueOf(info.remoteAddress());
            admitted.commit();
        }
        ConnectionClosedEvent closed = new ConnectionClosedEvent();
        if (closed.isEnabled()) {
            closed.begin();
            closedEvent = closed;
        }
        if (observed && UserCode.admitted(observer, info, logs)) {
            closeConnection.run();
        }
    }

    /** Whether an observer hears of every round trip: then the session calls are timed. */
    boolean observed() {
        return observed;
    }

    /**
     * A round-trip event, begun, when a recording takes it (it is off by default); else null. The
     * check costs nothing measurable while no recording runs (see BENCHMARKS.md).
     */
    RoundTripEvent beginRoundTrip() {
        RoundTripEvent roundTrip = new RoundTripEvent();
        if (!roundTrip.isEnabled()) {
            return null;
        }
        roundTrip.begin();
        return roundTrip;
    }

    /** Bytes one session call took and made. */
    void moved(long in, long out) {
        bytesIn += in;
        bytesOut += out;
    }

    /** What one session call recorded: games begun and ended, errors. */
    void observe(ServerEvents events) {
        events.forEach(observeEvent);
    }

    private void observe(ServerEvent event) {
        switch (event) {
            case ServerEvent.GameStarted(long lower, long upper) -> gameStarted(lower, upper);
            case ServerEvent.GameEnded ended -> gameEnded(ended);
            case ServerEvent.ErrorSent(ErrorReason reason, Optional<Throwable> cause) -> error(reason, cause);
            default -> { }
        }
    }

    private void gameStarted(long lower, long upper) {
        games++;
        gameStartedAt = System.nanoTime();
        GameFinishedEvent game = new GameFinishedEvent();
        if (game.isEnabled()) {
            game.begin();
            gameEvent = game;
        }
        if (observed && UserCode.gameStarted(observer, info, lower, upper, logs)) {
            closeConnection.run();
        }
    }

    private void gameEnded(ServerEvent.GameEnded ended) {
        GameFinishedEvent game = gameEvent;
        gameEvent = null;
        if (game != null) {
            game.connection = info.id();
            game.lower = ended.lower();
            game.upper = ended.upper();
            game.guesses = ended.guesses();
            game.end = ended.end().name();
            game.commit();
        }
        if (observed && UserCode.gameFinished(observer, info, new GameSummary(ended.lower(), ended.upper(),
                ended.guesses(), ended.end(), Duration.ofNanos(System.nanoTime() - gameStartedAt)), logs)) {
            closeConnection.run();
        }
    }

    /** The server answered {@code ERROR reason} outside a session call (the line timeout's). */
    void errorSent(ErrorReason reason) {
        error(reason, Optional.empty());
    }

    private void error(ErrorReason reason, Optional<Throwable> cause) {
        ProtocolErrorEvent error = new ProtocolErrorEvent();
        if (error.isEnabled()) {
            error.connection = info.id();
            error.reason = reason.text();
            error.commit();
        }
        if (observed && UserCode.protocolError(observer, info, reason, logs)) {
            closeConnection.run();
        }
        cause.ifPresent(failure -> userCodeFailed(UserCodeSource.STRATEGY, failure));
    }

    /**
     * A session call that answered a NUMBER, begun at {@code start} (nanoTime, when observed) with
     * {@code event} (when recorded), just ended.
     */
    void roundTrip(long start, RoundTripEvent event) {
        if (event != null) {
            event.connection = info.id();
            event.commit();
        }
        if (observed && UserCode.roundTrip(observer, info, System.nanoTime() - start, logs)) {
            closeConnection.run();
        }
    }

    /** The listener or the strategy threw. From any thread. */
    void userCodeFailed(UserCodeSource source, Throwable failure) {
        UserCodeFailureEvent event = new UserCodeFailureEvent();
        if (event.isEnabled()) {
            event.connection = info.id();
            event.source = source.name();
            event.failure = failure.getClass().getName();
            event.commit();
        }
        if (observed) {
            UserCode.userCodeFailed(observer, info, source, failure, logs);
        }
    }

    /** The server cuts the client for missing a deadline: it waited {@code nanos}. From any thread. */
    void cut(CloseReason deadline, long nanos) {
        ClientCutEvent event = new ClientCutEvent();
        if (event.isEnabled()) {
            event.connection = info.id();
            event.client = String.valueOf(info.remoteAddress());
            event.deadline = deadline.name();
            event.waited = nanos;
            event.commit();
        }
    }

    /** The connection closed, for {@code reason}. */
    void closed(CloseReason reason) {
        ConnectionClosedEvent closed = closedEvent;
        closedEvent = null;
        if (closed != null) {
            closed.connection = info.id();
            closed.client = String.valueOf(info.remoteAddress());
            closed.games = games;
            closed.bytesIn = bytesIn;
            closed.bytesOut = bytesOut;
            closed.reason = reason.name();
            closed.commit();
        }
        if (observed) {
            UserCode.closed(observer, info, new ConnectionSummary(games, bytesIn, bytesOut,
                    Duration.ofNanos(System.nanoTime() - admittedAt), reason), logs);
        }
    }
}
