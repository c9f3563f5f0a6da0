package dev.hotcold.socket;

import dev.hotcold.core.spi.Channel;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * What every socket transport's {@link Channel} shares: the socket, its peer's address taken once
 * at accept, and the refusal. The transport adds {@link #endInput()} and {@link #close()} on its
 * own threads.
 */
public abstract class SocketChannelSide implements Channel {
    /** The accepted socket. */
    protected final SocketChannel channel;
    private final SocketAddress remote;

    /**
     * Takes over an accepted socket and reads its peer's address once.
     *
     * @param channel the accepted socket
     */
    protected SocketChannelSide(SocketChannel channel) {
        this.channel = channel;
        this.remote = Sockets.remoteAddress(channel);
    }

    @Override
    public final SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public final void refuse(ByteBuffer reply) {
        if (handshakes()) {
            Sockets.closeQuietly(channel);   // a TLS client cannot read a plain-text reply
            return;
        }
        Sockets.refuse(channel, reply);
    }
}
