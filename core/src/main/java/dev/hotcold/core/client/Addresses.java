package dev.hotcold.core.client;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** How hotcold writes addresses in messages: {@code 127.0.0.1:1234}, not {@code localhost/127.0.0.1:1234}. */
public final class Addresses {
    private Addresses() {}

    /**
     * {@code host:port} with the numeric host where there is one; any other address as it prints itself.
     *
     * @param address the address to describe
     * @return the address as text for a message
     */
    public static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
