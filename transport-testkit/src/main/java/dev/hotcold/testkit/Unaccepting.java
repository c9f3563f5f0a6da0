package dev.hotcold.testkit;

import java.io.IOException;
import java.net.SocketAddress;

/**
 * An address where a connect waits and is never accepted, for the connect-timeout tests of
 * {@link TransportClientTimeoutTest}: {@link FullBacklog} for TCP.
 */
public interface Unaccepting extends AutoCloseable {

    /**
     * Where a connect waits forever.
     *
     * @return the address
     */
    SocketAddress address();

    /**
     * Releases what it holds.
     *
     * @throws IOException if closing fails
     */
    @Override
    void close() throws IOException;
}
