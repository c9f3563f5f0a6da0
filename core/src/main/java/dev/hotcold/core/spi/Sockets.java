package dev.hotcold.core.spi;

import dev.hotcold.core.transport.Addresses;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * What every socket transport does the same way: listen, accept with retry, refuse. Nothing here
 * reads or writes a game's bytes.
 */
public final class Sockets {
    private static final System.Logger LOG = System.getLogger(Sockets.class.getName());
    private static final long ACCEPT_RETRY_NANOS = 100_000_000L;

    private Sockets() {}

    /**
     * A blocking listening socket bound as {@code config} says, with its backlog.
     *
     * @throws IOException naming the address, if it cannot be bound (in use, say)
     */
    public static ServerSocketChannel listen(ServerConfig config) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(config.bindAddress(), config.backlog());
            return listener;
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + Addresses.describe(config.bindAddress()) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Accepts connections until {@code listener} is closed, handing each to {@code accepted} with
     * TCP_NODELAY on. The one accept loop of the socket transports: a failed accept (out of file
     * descriptors, say) is logged and retried shortly rather than ending the loop.
     */
    public static void acceptLoop(ServerSocketChannel listener, Consumer<SocketChannel> accepted) {
        while (listener.isOpen()) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (listener.isOpen()) {
                    LOG.log(Level.WARNING, "accept failed; trying again shortly", e);
                    LockSupport.parkNanos(ACCEPT_RETRY_NANOS);
                }
                continue;
            }
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException gone) {
                closeQuietly(channel);
                continue;
            }
            accepted.accept(channel);
        }
    }

    /** Writes {@code reply} to a fresh socket (its send buffer takes a few bytes at once), then closes it. */
    public static void refuse(SocketChannel channel, ByteBuffer reply) {
        try (channel) {
            channel.write(reply);
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // The client is gone already; nothing more to tell it.
        }
    }

    /** The peer's address, or an unresolved {@code unknown:0} if the socket has no peer any more. */
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

    /** Closes, ignoring a failure: closing is all that is left to do. */
    public static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closed is closed.
        }
    }
}
