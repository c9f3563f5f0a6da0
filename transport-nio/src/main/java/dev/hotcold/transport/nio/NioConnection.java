package dev.hotcold.transport.nio;

import dev.hotcold.core.server.ServerConnection;
import dev.hotcold.socket.SocketChannelSide;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * What a server loop keeps for one connection: core's side of it, unsent replies, and a few
 * flags. Every field but the final ones belongs to the loop thread. Core's requests become loop
 * tasks, queued even when made on the loop, so that none runs in the middle of the loop's own
 * work on the connection.
 */
final class NioConnection extends SocketChannelSide {

    final ServerLoop loop;
    final OutboundBuffer unsent = new OutboundBuffer();
    /** Core's side; set when the loop admits the connection. */
    ServerConnection core;
    SelectionKey key;
    /** Reading stopped: unsent replies passed the high-water mark, or core paused the input. */
    boolean readSuspended;
    /** Input read but not processed when reading was suspended; processed first on resuming. Else null. */
    ByteBuffer unread;
    /** The client closed its side (or shutdown ended it); replies made are still delivered, then it closes. */
    boolean inputEnded;
    boolean closed;
    /** The TLS engine and its input, or null for plain text. */
    final TlsState tls;

    NioConnection(SocketChannel channel, ServerLoop loop, TlsState tls) {
        super(channel);
        this.loop = loop;
        this.tls = tls;
    }

    @Override
    public boolean handshakes() {
        return tls != null;
    }

    SocketChannel socket() {
        return channel;
    }

    @Override
    public void endInput() {
        loop.submit(() -> loop.endInput(this));
    }

    @Override
    public void closeWith(ByteBuffer reply) {
        loop.submit(() -> loop.closeWith(this, reply));
    }

    @Override
    public void close() {
        loop.submit(() -> loop.close(this));
    }

    @Override
    public void resumeInput() {
        loop.submit(() -> loop.resumeInput(this));
    }
}
