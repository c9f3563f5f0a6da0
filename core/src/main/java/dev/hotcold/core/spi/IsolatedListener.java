package dev.hotcold.core.spi;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.session.ConnectionInfo;
import dev.hotcold.core.session.GameListener;
import java.util.Optional;

/**
 * A user's {@link GameListener} behind a wall: whatever it throws is logged (rate-limited) and
 * goes no further, so that it never ends a thread, an event loop or a connection's bookkeeping.
 * Failures of the server's own code handed to {@link #onError} are logged here too, once.
 */
public final class IsolatedListener implements GameListener {
    private static final RateLimitedLog LISTENER_LOG = new RateLimitedLog(GameListener.class.getName());
    private static final RateLimitedLog STRATEGY_LOG = new RateLimitedLog("dev.hotcold.core.engine.GuessStrategy");

    private final GameListener user;

    private IsolatedListener(GameListener user) {
        this.user = user;
    }

    /**
     * {@code listener} isolated; an isolated listener is returned as it is.
     *
     * @param listener the user's listener
     * @return a listener that logs and swallows what {@code listener} throws
     */
    public static GameListener of(GameListener listener) {
        return listener instanceof IsolatedListener ? listener : new IsolatedListener(listener);
    }

    @Override
    public void onConnectionOpened(ConnectionInfo connection) {
        try {
            user.onConnectionOpened(connection);
        } catch (RuntimeException e) {
            failed("onConnectionOpened", e);
        }
    }

    @Override
    public void onConnectionClosed(ConnectionInfo connection) {
        try {
            user.onConnectionClosed(connection);
        } catch (RuntimeException e) {
            failed("onConnectionClosed", e);
        }
    }

    @Override
    public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
        try {
            user.onGameStarted(connection, lower, upper);
        } catch (RuntimeException e) {
            failed("onGameStarted", e);
        }
    }

    @Override
    public void onReport(ConnectionInfo connection, long guess, Decision decision) {
        try {
            user.onReport(connection, guess, decision);
        } catch (RuntimeException e) {
            failed("onReport", e);
        }
    }

    @Override
    public void onGameCleared(ConnectionInfo connection) {
        try {
            user.onGameCleared(connection);
        } catch (RuntimeException e) {
            failed("onGameCleared", e);
        }
    }

    @Override
    public void onError(ConnectionInfo connection, ErrorReason reason, Optional<Throwable> cause) {
        cause.ifPresent(failure -> STRATEGY_LOG.warn(connection + " answered ERROR " + reason.text()
                + ": the guess strategy failed", failure));
        try {
            user.onError(connection, reason, cause);
        } catch (RuntimeException e) {
            failed("onError", e);
        }
    }

    private static void failed(String method, RuntimeException e) {
        LISTENER_LOG.warn("GameListener." + method + " threw; the server carries on", e);
    }
}
