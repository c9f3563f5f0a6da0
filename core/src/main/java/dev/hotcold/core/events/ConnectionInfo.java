package dev.hotcold.core.events;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * Which connection a {@link GameListener} event is about: a number unique within its server,
 * counting from 1, and the client's address (an in-memory name for in-memory clients).
 *
 * @param id the connection's number within its server; 0 for a session outside any server
 * @param remoteAddress where the client connects from
 */
public record ConnectionInfo(long id, SocketAddress remoteAddress) {

    /** The connection of a session made on its own, outside a server. */
    public static final ConnectionInfo DETACHED =
            new ConnectionInfo(0, InetSocketAddress.createUnresolved("detached", 0));

    /**
     * Checks that there is a remote address.
     *
     * @throws NullPointerException if {@code remoteAddress} is null
     */
    public ConnectionInfo {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    @Override
    public String toString() {
        return "connection " + id + " from " + remoteAddress;
    }
}
