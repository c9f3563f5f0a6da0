package dev.hotcold.testkit;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.session.ConnectionInfo;
import dev.hotcold.core.session.GameListener;
import java.util.Optional;

/** A listener with a bug: it tells a {@link RecordingListener} what it heard, then throws from every event. */
final class ThrowingListener implements GameListener {
    private final RecordingListener heard;

    ThrowingListener(RecordingListener heard) {
        this.heard = heard;
    }

    @Override
    public void onConnectionOpened(ConnectionInfo connection) {
        heard.onConnectionOpened(connection);
        throw new IllegalStateException("listener bug in onConnectionOpened");
    }

    @Override
    public void onConnectionClosed(ConnectionInfo connection) {
        heard.onConnectionClosed(connection);
        throw new IllegalStateException("listener bug in onConnectionClosed");
    }

    @Override
    public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
        heard.onGameStarted(connection, lower, upper);
        throw new IllegalStateException("listener bug in onGameStarted");
    }

    @Override
    public void onReport(ConnectionInfo connection, long guess, Decision decision) {
        heard.onReport(connection, guess, decision);
        throw new IllegalStateException("listener bug in onReport");
    }

    @Override
    public void onGameCleared(ConnectionInfo connection) {
        heard.onGameCleared(connection);
        throw new IllegalStateException("listener bug in onGameCleared");
    }

    @Override
    public void onError(ConnectionInfo connection, ErrorReason reason, Optional<Throwable> cause) {
        heard.onError(connection, reason, cause);
        throw new IllegalStateException("listener bug in onError");
    }
}
