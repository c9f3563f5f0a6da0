package dev.hotcold.testkit;

import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener that checks the order of each connection's events, as {@link GameListener} promises
 * it: opened first and once, closed last and once, nothing else before or after, and never two
 * calls for one connection at the same time.
 */
final class EventOrder implements GameListener {
    private enum State { OPEN, CLOSED }

    private final Map<Long, State> states = new ConcurrentHashMap<>();
    private final Map<Long, AtomicBoolean> inCall = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();

    /** What went wrong, in the order it was seen. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Connections whose close was heard. */
    int closed() {
        return closed.get();
    }

    @Override
    public void onConnectionOpened(ConnectionInfo connection) {
        enter(connection, "opened");
        if (states.putIfAbsent(connection.id(), State.OPEN) != null) {
            violations.add(connection + ": opened twice");
        }
        leave(connection);
    }

    @Override
    public void onConnectionClosed(ConnectionInfo connection) {
        enter(connection, "closed");
        if (states.replace(connection.id(), State.CLOSED) != State.OPEN) {
            violations.add(connection + ": closed without being open");
        }
        closed.incrementAndGet();
        leave(connection);
    }

    @Override
    public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
        game(connection, "game started");
    }

    @Override
    public void onReport(ConnectionInfo connection, long guess, Decision decision) {
        game(connection, "report");
    }

    @Override
    public void onGameCleared(ConnectionInfo connection) {
        game(connection, "game cleared");
    }

    @Override
    public void onError(ConnectionInfo connection, ErrorReason reason, Optional<Throwable> cause) {
        game(connection, "error");
    }

    private void game(ConnectionInfo connection, String event) {
        enter(connection, event);
        if (states.get(connection.id()) != State.OPEN) {
            violations.add(connection + ": " + event + " while " + states.get(connection.id()));
        }
        leave(connection);
    }

    private void enter(ConnectionInfo connection, String event) {
        if (!inCall.computeIfAbsent(connection.id(), id -> new AtomicBoolean()).compareAndSet(false, true)) {
            violations.add(connection + ": " + event + " during another call for the same connection");
        }
    }

    private void leave(ConnectionInfo connection) {
        inCall.get(connection.id()).set(false);
    }
}
