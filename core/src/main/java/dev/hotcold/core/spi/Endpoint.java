package dev.hotcold.core.spi;

import java.net.SocketAddress;

/**
 * The transport's listening side of a server (grpc-java's {@code InternalServer}): it was bound
 * before the {@link ServerLifecycle} was made, and it accepts connections and hands them to
 * {@link ServerLifecycle#admit}.
 */
public interface Endpoint {

    /**
     * The address clients connect to, with the real port when port 0 was asked for.
     *
     * @return the bound address
     */
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

    /**
     * Whether every thread of the transport's server has ended.
     *
     * @return {@code true} once no thread of the server is left
     */
    boolean isTerminated();

    /**
     * Waits up to {@code nanos} for {@link #isTerminated()}; returns it.
     *
     * @param nanos how long to wait at most, in nanoseconds
     * @return whether the server's threads have all ended
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitTermination(long nanos) throws InterruptedException;
}
