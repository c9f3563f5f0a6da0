package dev.hotcold.transport.nio;

import dev.hotcold.core.session.ServerSession;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** What the server keeps for one connection: the session, unsent replies, and a few flags. */
final class ServerConnection {
    final SocketChannel channel;
    final ServerSession session;
    final OutboundBuffer unsent = new OutboundBuffer();
    SelectionKey key;
    /** nanoTime of the last byte read or written, kept only when there is an idle timeout. */
    long lastActive;
    /** Reading stopped because unsent replies passed the high-water mark. */
    boolean readSuspended;
    /** Input read but not processed when reading was suspended; processed first on resuming. Else null. */
    ByteBuffer unread;
    /** The client closed its side; replies already made are still delivered, then the connection closes. */
    boolean inputEnded;
    boolean closed;

    ServerConnection(SocketChannel channel, ServerSession session) {
        this.channel = channel;
        this.session = session;
    }
}
