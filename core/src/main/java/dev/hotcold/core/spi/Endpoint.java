package dev.hotcold.core.spi;

import java.net.SocketAddress;

/**
 * The transport's listening side of a server (grpc-java's {@code InternalServer}): it was bound
 * before the {@code ServerLifecycle} was made, and it accepts connections and hands each to
 * {@code ServerLifecycle.admit} on the thread that will serve it.
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
     * more. Connections already accepted go on. Called once, by core, on the thread that asked
     * for the shutdown; it must not wait for connections.
     */
    void stopAccepting();

    /**
     * Core is done with the endpoint: it stopped accepting and its last connection is closed.
     * The transport ends its threads now (without waiting for them).
     */
    void release();

    /**
     * Whether every thread the endpoint started has ended.
     *
     * @return {@code true} once the endpoint holds no thread
     */
    boolean isTerminated();

    /**
     * Waits for every thread the endpoint started to end, at most {@code nanos}.
     *
     * @param nanos how long to wait at most
     * @return whether they ended in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitTermination(long nanos) throws InterruptedException;
}
