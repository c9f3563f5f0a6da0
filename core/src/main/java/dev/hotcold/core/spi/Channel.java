package dev.hotcold.core.spi;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The transport's side of one accepted connection: what core asks of it. Every method may be
 * called from any thread, at any time from the moment the channel is handed to
 * {@code ServerLifecycle.admit} (even while that call runs); the transport carries it out on the
 * connection's own thread, or under a lock no user code runs under, and returns without waiting.
 */
public interface Channel {

    /**
     * The client's address, for listener events and logs.
     *
     * @return the client's address
     */
    SocketAddress remoteAddress();

    /**
     * Whether the connection begins with a TLS handshake the transport carries out before any
     * game byte. Core then times the handshake (from admission, at most
     * {@code ServerConfig.handshakeTimeout()}), and holds back the connection-opened event until
     * the transport calls {@code ServerConnection.secured} with the session the handshake agreed
     * on. Asked once, by {@code admit}. The default is {@code false}: plain text.
     *
     * @return {@code true} for a connection that must complete a TLS handshake first
     */
    default boolean handshakes() {
        return false;
    }

    /**
     * Turns the connection away without serving it: sends {@code reply} (which may be empty) if
     * the transport can without waiting, then closes. A TLS connection, whose client cannot read
     * plain text, is closed without the reply. Called by {@code admit} instead of
     * admitting, before any byte was read; core does not track a refused connection, so the
     * transport does not report its close.
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
     * Ends the connection with a last reply: reading stops, replies already produced are sent,
     * then {@code reply}, then the connection closes. Core calls it when a client broke a
     * deadline the protocol can name ({@code ERROR line timeout}). The calling thread must not
     * wait for the client: a transport that cannot send without waiting hands the reply to the
     * connection's own thread, or drops it. If the client does not take the reply, core calls
     * {@link #close()} at a later scan. The default closes without the reply.
     *
     * @param reply the last bytes to send; read-only, the transport may keep it
     */
    default void closeWith(ByteBuffer reply) {
        close();
    }

    /**
     * Closes the connection now, dropping unsent replies; idempotent. The transport then calls
     * {@code ServerConnection.closed()}.
     */
    void close();

    /**
     * Reads again after a pause core asked for: {@code ServerConnection.isInputPaused()} was
     * {@code true} and no longer is. The transport hands the input it held back to
     * {@code ServerConnection.receive} first. Only a transport that serves connections on shared
     * threads, and so gave its {@code ServerLifecycle} a listener executor, is ever asked to
     * pause; the default does nothing.
     */
    default void resumeInput() {}
}
