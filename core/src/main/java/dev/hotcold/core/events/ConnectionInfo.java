package dev.hotcold.core.events;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * Which connection a {@link GameListener} event is about: a number unique within its server,
 * counting from 1, the client's address (an in-memory name for in-memory clients), and how the
 * connection is protected: over TLS, the session and the client's verified certificate, known
 * from the first event on, since a TLS connection's events begin once its handshake is done.
 *
 * @param id the connection's number within its server; 0 for a session outside any server
 * @param remoteAddress where the client connects from
 * @param security {@link ConnectionSecurity#PLAINTEXT}, or the connection's TLS session
 */
public record ConnectionInfo(long id, SocketAddress remoteAddress, ConnectionSecurity security) {

    /** The connection of a session made on its own, outside a server. */
    public static final ConnectionInfo DETACHED =
            new ConnectionInfo(0, InetSocketAddress.createUnresolved("detached", 0));

    /**
     * Checks that there is a remote address and a security.
     *
     * @throws NullPointerException if {@code remoteAddress} or {@code security} is null
     */
    public ConnectionInfo {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(security, "security");
    }

    /**
     * A plain-text connection.
     *
     * @param id the connection's number within its server
     * @param remoteAddress where the client connects from
     */
    public ConnectionInfo(long id, SocketAddress remoteAddress) {
        this(id, remoteAddress, ConnectionSecurity.PLAINTEXT);
    }

    /**
     * This connection, secured as {@code security} says.
     *
     * @param security the TLS session the handshake agreed on
     * @return a copy with that security
     */
    public ConnectionInfo secured(ConnectionSecurity security) {
        return new ConnectionInfo(id, remoteAddress, security);
    }

    @Override
    public String toString() {
        return "connection " + id + " from " + remoteAddress + (security.isTls() ? " over " + security : "");
    }
}
