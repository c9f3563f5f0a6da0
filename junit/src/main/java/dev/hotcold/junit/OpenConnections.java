package dev.hotcold.junit;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ReplyListener;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client connections of one test that are still open: each one handed out or opened through
 * the harness's transport is wrapped so that closing it takes it off the list. Thread-safe: a
 * test may open and close connections from any thread.
 */
final class OpenConnections {

    /**
     * One open connection.
     *
     * @param handedOut whether the harness made it for a parameter, and so closes it itself
     * @param openedBy where it was made, for the leak report
     */
    record Entry(int id, String kind, SocketAddress address, String openedBy, boolean handedOut,
            AutoCloseable connection) {

        String describe() {
            return kind + " #" + id + " to " + address + ", opened " + openedBy;
        }
    }

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Entry> open = new ConcurrentHashMap<>();

    GameConnection track(GameConnection connection, SocketAddress address, String openedBy, boolean handedOut) {
        int id = ids.incrementAndGet();
        TrackedConnection tracked = new TrackedConnection(connection, () -> open.remove(id));
        open.put(id, new Entry(id, "GameConnection", address, openedBy, handedOut, tracked));
        return tracked;
    }

    AsyncGameConnection track(AsyncGameConnection connection, SocketAddress address, String openedBy,
            boolean handedOut) {
        int id = ids.incrementAndGet();
        TrackedAsyncConnection tracked = new TrackedAsyncConnection(connection, () -> open.remove(id));
        open.put(id, new Entry(id, "AsyncGameConnection", address, openedBy, handedOut, tracked));
        return tracked;
    }

    /** The connections still open that were handed out ({@code true}) or that the test opened. */
    List<Entry> open(boolean handedOut) {
        List<Entry> entries = new ArrayList<>();
        for (Entry entry : open.values()) {
            if (entry.handedOut() == handedOut) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparingInt(Entry::id));
        return entries;
    }

    /** A blocking connection that leaves the list when it is closed. */
    private static final class TrackedConnection implements GameConnection {
        private final GameConnection delegate;
        private final Runnable onClose;

        TrackedConnection(GameConnection delegate, Runnable onClose) {
            this.delegate = delegate;
            this.onClose = onClose;
        }

        @Override
        public void send(Command command) throws IOException {
            delegate.send(command);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public Reply receive() throws IOException {
            return delegate.receive();
        }

        @Override
        public void close() throws IOException {
            try {
                delegate.close();
            } finally {
                onClose.run();
            }
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    /** An asynchronous connection that leaves the list when it is closed. */
    private static final class TrackedAsyncConnection implements AsyncGameConnection {
        private final AsyncGameConnection delegate;
        private final Runnable onClose;

        TrackedAsyncConnection(AsyncGameConnection delegate, Runnable onClose) {
            this.delegate = delegate;
            this.onClose = onClose;
        }

        @Override
        public CompletionStage<Void> send(Command command) {
            return delegate.send(command);
        }

        @Override
        public void post(Command command) {
            delegate.post(command);
        }

        @Override
        public CompletionStage<Reply> receive() {
            return delegate.receive();
        }

        @Override
        public void receive(ReplyListener listener) {
            delegate.receive(listener);
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                onClose.run();
            }
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
