package dev.hotcold.socket;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.server.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * What every socket transport does the same way: listen, accept with retry, refuse. Nothing here
 * reads or writes a game's bytes.
 */
public final class Sockets {
    private static final System.Logger LOG = System.getLogger(Sockets.class.getName());

    private Sockets() {}

    /**
     * A blocking listening socket bound as {@code config} says, with its backlog: TCP for an
     * {@link InetSocketAddress} (with {@code SO_REUSEADDR}), UNIX-domain for a
     * {@link UnixDomainSocketAddress} (whose file must not exist yet).
     *
     * @param config gives the bind address and backlog
     * @return the bound listening socket, in blocking mode
     * @throws IOException naming the address, if it cannot be bound (in use, say)
     */
    public static ServerSocketChannel listen(ServerConfig config) throws IOException {
        SocketAddress address = config.bindAddress();
        ServerSocketChannel listener = address instanceof UnixDomainSocketAddress
                ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                : ServerSocketChannel.open();
        try {
            if (listener.supportedOptions().contains(StandardSocketOptions.SO_REUSEADDR)) {
                listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            listener.bind(address, config.backlog());
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw new IOException("cannot listen on " + Addresses.describe(address) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Accepts connections until {@code listener} is closed, handing each to {@code accepted} (a
     * TCP connection with TCP_NODELAY on). The one accept loop of the socket transports. A failed accept (out of file
     * descriptors, say) never ends it: {@link AcceptBackoff} waits 10 ms to 1 s between tries and
     * logs at most once per 10 s, swallowing even the failures of logging itself, so the loop
     * serves again as soon as descriptors are free. While it backs off, a shutdown waits for the
     * current pause (at most 1 s) to end.
     *
     * @param listener the bound listening socket, in blocking mode
     * @param loopName names the loop in log messages, such as its thread's name
     * @param accepted takes each accepted connection; if it throws, the connection is closed, an
     *     {@link IOException} quietly (the client is gone), anything else logged, and the loop goes on
     */
    public static void acceptLoop(ServerSocketChannel listener, String loopName, Accepted accepted) {
        AcceptBackoff backoff = new AcceptBackoff(LOG, loopName);   // loaded while files can be opened
        while (listener.isOpen()) {
            SocketChannel channel;
            try {
                channel = listener.accept();
                backoff.succeeded();
            } catch (Throwable failure) {
                if (listener.isOpen()) {
                    backoff.failed(failure);
                }
                continue;
            }
            try {
                if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                accepted.accept(channel);
            } catch (IOException gone) {
                closeQuietly(channel);
            } catch (Throwable failure) {
                closeQuietly(channel);
                backoff.failed(failure);
            }
        }
    }

    /** Takes an accepted connection, on the accept loop's thread; it should hand it over quickly. */
    @FunctionalInterface
    public interface Accepted {
        /**
         * Takes the connection: configures it and hands it to whatever serves it.
         *
         * @param channel the accepted connection, in blocking mode (with TCP_NODELAY on, for TCP)
         * @throws IOException if the connection fails while being set up
         */
        void accept(SocketChannel channel) throws IOException;
    }

    /**
     * Writes {@code reply} to a fresh socket (its send buffer takes a few bytes at once), then closes it.
     *
     * @param channel the accepted socket, closed on return
     * @param reply the bytes to send before closing
     */
    public static void refuse(SocketChannel channel, ByteBuffer reply) {
        try (channel) {
            channel.write(reply);
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // The client is gone already; nothing more to tell it.
        }
    }

    /**
     * The peer's address, or an unresolved {@code unknown:0} if the socket has no peer any more.
     *
     * @param channel the connected socket
     * @return the client's address
     */
    public static SocketAddress remoteAddress(SocketChannel channel) {
        try {
            SocketAddress address = channel.getRemoteAddress();
            if (address != null) {
                return address;
            }
        } catch (IOException gone) {
            // Reported as unknown below.
        }
        return InetSocketAddress.createUnresolved("unknown", 0);
    }

    /**
     * Closes, ignoring a failure: closing is all that is left to do.
     *
     * @param closeable what to close
     */
    public static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closed is closed.
        }
    }
}
