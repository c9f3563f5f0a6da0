package dev.hotcold.core.spi;

import java.net.SocketAddress;

/**
 * The transport's listening side of a server (grpc-java's {@code InternalServer}): it was bound
 * before the {@link ServerLifecycle} was made, and it accepts connections and hands them to
 * {@link ServerLifecycle#admit}.
 */
public interface Endpoint {

    /** The address clients connect to, with the real port when port 0 was asked for. */
    SocketAddress address();

    /**
     * Stops accepting: closes the listening socket (or name) so that no connection arrives any
     * more. Called once, from any thread; must not wait for the accept loop to end.
     */
    void stopAccepting();

    /**
     * Called once, after {@link #stopAccepting()}, when the last connection has been closed: the
     * transport ends what threads, timers or event loops it still runs.
     */
    void release();

    /** Whether every thread of the transport's server has ended. */
    boolean isTerminated();

    /** Waits up to {@code nanos} for {@link #isTerminated()}; returns it. */
    boolean awaitTermination(long nanos) throws InterruptedException;
}
