package dev.hotcold.core.server;

import dev.hotcold.core.boundary.UserCode;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.ServerEvent;
import dev.hotcold.core.events.ServerEvents;
import dev.hotcold.core.events.UserCodeSource;
import dev.hotcold.core.spi.Channel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers one connection's events to the server's listener, in order, one at a time, through
 * {@link UserCode}, and never under a lock. Two ways, chosen by the transport:
 *
 * <ul>
 *   <li><b>On the connection's thread</b> ({@link Direct}), for transports that give each
 *       connection a thread of its own, or run it on its client's: the listener runs as soon as
 *       the events are recorded. A slow listener holds up its own connection only.</li>
 *   <li><b>On an executor</b> ({@link Queued}), for transports whose threads serve many
 *       connections (event loops): the loop hands the events over and goes on. A drain task per
 *       connection delivers them; past {@link Queued#HIGH_WATER} undelivered events the
 *       connection's input pauses until the drain task has taken all of them, so a slow
 *       listener slows its own connection, never the loop, and a connection holds at most about
 *       twice that many events.</li>
 * </ul>
 *
 * <p>After the connection-closed event is delivered, the server is told
 * ({@link ServerLifecycle#delivered}), so that it terminates only once every listener call ended.
 */
abstract sealed class ListenerDelivery permits ListenerDelivery.Direct, ListenerDelivery.Queued {
    final ServerLifecycle server;
    final GameListener listener;
    /** Set once more, with the TLS session, before the first event is delivered. */
    volatile ConnectionInfo connection;
    final Channel channel;
    final ConnectionObservation observation;

    ListenerDelivery(ServerLifecycle server, GameListener listener, ConnectionInfo connection, Channel channel,
            ConnectionObservation observation) {
        this.server = server;
        this.listener = listener;
        this.connection = connection;
        this.channel = channel;
        this.observation = observation;
    }

    /** The connection is secured: events from now on name its TLS session. */
    final void identify(ConnectionInfo secured) {
        connection = secured;
    }

    /** Takes {@code events} (leaving it empty) and delivers them, now or soon. */
    abstract void deliver(ServerEvents events);

    /** Whether the transport should hold the connection's input: the listener is far behind. */
    abstract boolean isInputPaused();

    /**
     * Delivers {@code events} on this thread, marked as the server's delivery thread; true if the
     * connection-closed event was among them.
     */
    final boolean deliverHere(ServerEvents events) {
        ServerLifecycle outer = ServerLifecycle.DELIVERING.get();
        ServerLifecycle.DELIVERING.set(server);
        boolean closedDelivered = false;
        try {
            ServerEvent event;
            while ((event = events.poll()) != null) {
                Throwable failure = UserCode.deliver(event, listener, connection, server.failureLogs());
                if (failure != null) {
                    observation.userCodeFailed(UserCodeSource.LISTENER, failure);
                    if (UserCode.isFatal(failure)) {
                        channel.close();   // out of memory: this connection goes, the server does not
                    }
                }
                closedDelivered |= event == ServerEvent.ConnectionClosed.INSTANCE;
            }
        } finally {
            ServerLifecycle.DELIVERING.set(outer);
        }
        return closedDelivered;
    }

    /** Calls the listener on the thread that recorded the events. */
    static final class Direct extends ListenerDelivery {
        Direct(ServerLifecycle server, GameListener listener, ConnectionInfo connection, Channel channel,
                ConnectionObservation observation) {
            super(server, listener, connection, channel, observation);
        }

        @Override
        void deliver(ServerEvents events) {
            if (deliverHere(events)) {
                server.delivered();
            }
        }

        @Override
        boolean isInputPaused() {
            return false;
        }
    }

    /** Calls the listener on an executor, one drain task at a time per connection. */
    static final class Queued extends ListenerDelivery {
        /** Undelivered events above which the connection's input pauses. */
        static final int HIGH_WATER = 4096;

        private final Executor executor;
        /** Guards the fields below; never held while the listener runs. */
        private final Object lock = new Object();
        private final ServerEvents pending = new ServerEvents();
        private final ServerEvents draining = new ServerEvents();
        private boolean drainScheduled;
        private volatile boolean paused;

        Queued(ServerLifecycle server, GameListener listener, ConnectionInfo connection, Channel channel,
                ConnectionObservation observation, Executor executor) {
            super(server, listener, connection, channel, observation);
            this.executor = executor;
        }

        @Override
        void deliver(ServerEvents events) {
            boolean schedule;
            synchronized (lock) {
                events.moveTo(pending);
                if (pending.size() > HIGH_WATER) {
                    paused = true;
                }
                schedule = !drainScheduled;
                drainScheduled = true;
            }
            if (schedule) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException | OutOfMemoryError noThread) {
                    // No thread to call the listener on: deliver here rather than lose the
                    // events or leave the server waiting for a delivery that never comes.
                    drain();
                }
            }
        }

        @Override
        boolean isInputPaused() {
            return paused;
        }

        private void drain() {
            boolean closedDelivered = false;
            while (true) {
                boolean resume = false;
                synchronized (lock) {
                    if (pending.isEmpty()) {
                        drainScheduled = false;
                        break;
                    }
                    pending.moveTo(draining);
                    if (paused) {
                        paused = false;
                        resume = true;
                    }
                }
                if (resume) {
                    channel.resumeInput();
                }
                closedDelivered |= deliverHere(draining);
            }
            if (closedDelivered) {
                server.delivered();
            }
        }
    }
}
