package dev.hotcold.core.spi;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The transport's side of one accepted connection: what core asks of it. Every method may be
 * called from any thread; the transport carries it out on the connection's own thread (or under
 * its lock) and returns without waiting.
 */
public interface Channel {

    /**
     * The client's address, for listener events and logs.
     *
     * @return the client's address
     */
    SocketAddress remoteAddress();

    /**
     * Turns the connection away without serving it: sends {@code reply} (which may be empty) if
     * the transport can without waiting, then closes. Called instead of serving, before any byte was read; core
     * does not track a refused connection, so the transport does not report its close.
     *
     * @param reply the bytes to send before closing; may be empty
     */
    void refuse(ByteBuffer reply);

    /**
     * Stops reading, as if the client had closed its side: replies already produced are sent,
     * then the connection closes. Core calls it at graceful shutdown on a connection with no game
     * in play; input not yet handed to the session is dropped.
     */
    void endInput();

    /**
     * Closes the connection now, dropping unsent replies; idempotent. The transport then calls
     * {@link ServerConnection#closed()}.
     */
    void close();
}
