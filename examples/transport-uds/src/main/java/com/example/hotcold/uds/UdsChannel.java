package com.example.hotcold.uds;

import dev.hotcold.core.server.ServerConnection;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.socket.SocketChannelSide;
import dev.hotcold.socket.Sockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One accepted connection on its own thread: admission, then read, answer, write. */
final class UdsChannel extends SocketChannelSide {
    /** The last reply core asked for ({@link #closeWith}), sent by this connection's thread. */
    private volatile ByteBuffer farewell;

    UdsChannel(SocketChannel socket) {
        super(socket);
    }

    /** Runs on the connection's thread until the connection ends. */
    void serve(ServerLifecycle server) {
        server.admit(this).ifPresent(connection -> {
            try (channel) {
                pump(connection, server);
            } catch (IOException gone) {
                // The client left, or the server closed the connection: it is over.
            } finally {
                connection.closed();
            }
        });
    }

    private void pump(ServerConnection connection, ServerLifecycle server) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(4096);
        ByteBuffer out = ByteBuffer.allocate(4096);
        while (!connection.isFinished() && channel.read(in.clear()) >= 0) {
            in.flip();
            while (in.hasRemaining() && !connection.isFinished()) {
                connection.receive(in, out.clear(), server.now());
                for (out.flip(); out.hasRemaining(); ) {
                    channel.write(out);
                }
                connection.sent(server.now());
            }
        }
        ByteBuffer last = farewell;
        for (ByteBuffer reply = last == null ? null : last.duplicate(); reply != null && reply.hasRemaining(); ) {
            channel.write(reply);   // a client that does not read: core closes the channel under it
        }
    }

    /** A deadline broken (ERROR line timeout): the connection's thread sends the reply, then closes. */
    @Override
    public void closeWith(ByteBuffer reply) {
        farewell = reply;
        endInput();
    }

    /** Graceful shutdown between games: the blocked read sees the end of the stream. */
    @Override
    public void endInput() {
        try {
            channel.shutdownInput();
        } catch (IOException alreadyClosed) {
            // Nothing to wake.
        }
    }

    @Override
    public void close() {
        Sockets.closeQuietly(channel);
    }
}
