package dev.hotcold.testkit;

import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import java.util.Optional;

/**
 * A listener with a bug: it tells a {@link RecordingListener} what it heard, then throws a
 * {@link UserFailure} from every event.
 */
final class ThrowingListener implements GameListener {
    private final RecordingListener heard;
    private final UserFailure failure;

    ThrowingListener(RecordingListener heard, UserFailure failure) {
        this.heard = heard;
        this.failure = failure;
    }

    @Override
    public void onConnectionOpened(ConnectionInfo connection) {
        heard.onConnectionOpened(connection);
        failure.raise("onConnectionOpened");
    }

    @Override
    public void onConnectionClosed(ConnectionInfo connection) {
        heard.onConnectionClosed(connection);
        failure.raise("onConnectionClosed");
    }

    @Override
    public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
        heard.onGameStarted(connection, lower, upper);
        failure.raise("onGameStarted");
    }

    @Override
    public void onReport(ConnectionInfo connection, long guess, Decision decision) {
        heard.onReport(connection, guess, decision);
        failure.raise("onReport");
    }

    @Override
    public void onGameCleared(ConnectionInfo connection) {
        heard.onGameCleared(connection);
        failure.raise("onGameCleared");
    }

    @Override
    public void onError(ConnectionInfo connection, ErrorReason reason, Optional<Throwable> cause) {
        heard.onError(connection, reason, cause);
        failure.raise("onError");
    }
}
