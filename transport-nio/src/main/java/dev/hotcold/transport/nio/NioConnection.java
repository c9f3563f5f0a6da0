package dev.hotcold.transport.nio;

import dev.hotcold.core.spi.Channel;
import dev.hotcold.core.spi.ServerConnection;
import dev.hotcold.core.spi.Sockets;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * What a server loop keeps for one connection: core's side of it, unsent replies, and a few
 * flags. Every field but the final ones belongs to the loop thread.
 */
final class NioConnection implements Channel {

    final SocketChannel channel;
    final ServerLoop loop;
    private final SocketAddress remote;
    final OutboundBuffer unsent = new OutboundBuffer();
    /** Core's side; set when the loop registers the connection. */
    ServerConnection core;
    SelectionKey key;
    /** Reading stopped because unsent replies passed the high-water mark. */
    boolean readSuspended;
    /** The client closed its side (or shutdown ended it); replies made are still delivered, then it closes. */
    boolean inputEnded;
    boolean closed;

    NioConnection(SocketChannel channel, ServerLoop loop) {
        this.channel = channel;
        this.loop = loop;
        this.remote = Sockets.remoteAddress(channel);
    }

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public void refuse(ByteBuffer reply) {
        Sockets.refuse(channel, reply);
    }

    @Override
    public void endInput() {
        loop.execute(() -> loop.endInput(this));
    }

    @Override
    public void close() {
        loop.execute(() -> loop.close(this));
    }
}
