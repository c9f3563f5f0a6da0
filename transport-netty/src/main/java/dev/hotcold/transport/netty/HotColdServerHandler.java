package dev.hotcold.transport.netty;

import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.server.ServerConnection;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.spi.Channel;
import dev.hotcold.socket.TlsSockets;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One connection's game in a Netty pipeline: the bytes it reads go to core's
 * {@link ServerConnection} as they are (a {@link ByteBuf}'s NIO view, no copy to a
 * {@code String}), the replies go out as {@code ByteBuf}s, and core's requests (close, end of
 * input, the line timeout's last reply, resume) run on the channel's event loop. Admission,
 * the limit, the timeouts and the listener are core's, through the {@link ServerLifecycle} of a
 * {@link HotColdService}; one handler per channel, made by {@link HotColdService#newHandler()} or
 * {@link HotColdChannelInitializer}.
 *
 * <p>Input is held back (auto-read off, the rest of a read kept) while the channel is not
 * writable (its outbound buffer passed the high water mark) or core says the listener is far
 * behind, and taken up again once both reasons are gone. Behind an {@link SslHandler} the
 * connection is served once the handshake is done, and its events name the TLS session.
 */
public final class HotColdServerHandler extends ChannelInboundHandlerAdapter implements Channel {
    private final ServerLifecycle server;
    private final boolean timed;
    private ChannelHandlerContext context;
    private io.netty.channel.Channel channel;
    private SocketAddress remote;
    private ServerConnection connection;
    private boolean tls;
    private boolean secured;
    /** Input read but not yet handed to core, kept while input is held back; else null. */
    private ByteBuffer unread;
    private boolean held;
    private boolean inputEnded;
    /** The client shut its output down; once held-back input is answered, the connection closes. */
    private boolean inputEndedByClient;
    private ScheduledFuture<?> scan;
    /** Where replies are made before they become a ByteBuf; one per handler, small. */
    private final ByteBuffer replies = ByteBuffer.allocate(4096);

    HotColdServerHandler(ServerLifecycle server) {
        this.server = server;
        this.timed = server.idleScanIntervalNanos() != 0;
    }

    // --- Netty's side -----------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        channel = ctx.channel();
        remote = channel.remoteAddress() != null ? channel.remoteAddress() : InetSocketAddress.createUnresolved("unknown", 0);
        tls = ctx.pipeline().get(SslHandler.class) != null;
        Optional<ServerConnection> admitted = server.admit(this);
        if (admitted.isEmpty()) {
            return;   // refused: closed, with ERROR server busy where the client could read it
        }
        connection = admitted.get();
        if (timed) {
            long interval = server.idleScanIntervalNanos();
            scan = ctx.executor().scheduleAtFixedRate(() -> connection.closeIfIdle(server.now()),
                    interval, interval, TimeUnit.NANOSECONDS);
        }
        if (!tls) {
            secured = true;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            // The client half-closed: what it sent before is answered, then the connection closes.
            inputEndedByClient = true;
            if (connection != null && unread == null && !inputEnded) {
                finish(ctx);
            } else if (connection == null || inputEnded) {
                ctx.close();   // nothing left to answer
            }
            return;
        }
        if (event instanceof SslHandshakeCompletionEvent done && connection != null && !secured) {
            if (done.isSuccess()) {
                secured = true;
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                connection.secured(TlsSockets.security(ssl.engine().getSession()), server.now());
                drain(ctx);
            } else {
                connection.handshakeFailed(done.cause());
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            if (connection == null || inputEnded || connection.isFinished()) {
                return;   // refused, or done reading: the bytes are dropped
            }
            if (unread != null || !secured) {   // held back, or early: kept in order for drain()
                unread = unread == null ? copyOf(bytes) : append(unread, bytes);
                return;
            }
            ByteBuffer in = bytes.nioBufferCount() == 1 ? bytes.nioBuffer() : copyOf(bytes);
            if (!feed(ctx, in) && in.hasRemaining()) {
                // Held back: keep the rest (the ByteBuf goes back to its pool), then let what is
                // written drain; writability coming back calls drain(), which finds it.
                unread = in.isDirect() || in.isReadOnly() || bytes.nioBufferCount() == 1 ? copy(in) : in;
                ctx.flush();
            }
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            drain(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (scan != null) {
            scan.cancel(false);
        }
        unread = null;
        if (connection != null) {
            connection.closed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();   // a reset, say: the connection is over; channelInactive tells core
    }

    // --- The pump -----------------------------------------------------------------------------

    /**
     * Hands {@code in} to core batch by batch, writing each batch of replies, until it is used up
     * or the session is finished (true), or input must be held back (false: reading stops, and the
     * rest stays in {@code in} for the caller to keep).
     */
    private boolean feed(ChannelHandlerContext ctx, ByteBuffer in) {
        long now = timed ? server.now() : 0;
        while (in.hasRemaining() && !connection.isFinished() && !inputEnded && ctx.channel().isOpen()) {
            if (!ctx.channel().isWritable() || connection.isInputPaused()) {
                held = true;
                ctx.channel().config().setAutoRead(false);
                return false;
            }
            replies.clear();
            connection.receive(in, replies, now);
            replies.flip();
            if (replies.hasRemaining()) {
                ctx.write(ctx.alloc().ioBuffer(replies.remaining()).writeBytes(replies));
            }
        }
        if (timed) {
            connection.sent(now);
        }
        if (connection.isFinished()) {
            finish(ctx);
        }
        return true;
    }

    /** Takes up held-back input once the channel is writable and core no longer pauses it. */
    private void drain(ChannelHandlerContext ctx) {
        if (connection == null || !secured || !ctx.channel().isOpen()) {
            return;
        }
        if (!ctx.channel().isWritable() || connection.isInputPaused()) {
            return;
        }
        ByteBuffer waiting = unread;
        if (waiting != null) {
            unread = null;
            boolean all = feed(ctx, waiting);
            if (!all && waiting.hasRemaining()) {
                unread = waiting;   // held back again: writability or resumeInput calls here again
                ctx.flush();
                return;
            }
            ctx.flush();
            if (inputEndedByClient && !inputEnded) {
                finish(ctx);   // the client's half-close came while input was held back
                return;
            }
        }
        if (held && unread == null && !inputEnded && !connection.isFinished()) {
            held = false;
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
    }

    /** The session is done: what is written goes out, then the channel closes. */
    private void finish(ChannelHandlerContext ctx) {
        inputEnded = true;
        unread = null;
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private static ByteBuffer copy(ByteBuffer rest) {
        return ByteBuffer.allocate(rest.remaining()).put(rest).flip();
    }

    private static ByteBuffer copyOf(ByteBuf bytes) {
        ByteBuffer copy = ByteBuffer.allocate(bytes.readableBytes());
        bytes.getBytes(bytes.readerIndex(), copy);
        return copy.flip();
    }

    private static ByteBuffer append(ByteBuffer kept, ByteBuf more) {
        ByteBuffer joined = ByteBuffer.allocate(kept.remaining() + more.readableBytes());
        joined.put(kept);
        more.getBytes(more.readerIndex(), joined);
        return joined.flip();
    }

    // --- Core's side (the SPI's Channel): any thread, carried out on the event loop ----------

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public boolean handshakes() {
        return tls;
    }

    @Override
    public void refuse(ByteBuffer reply) {
        if (tls || !reply.hasRemaining()) {
            channel.close();   // a TLS client cannot read a reply before its handshake
            return;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(reply)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void endInput() {
        onLoop(() -> {
            if (!inputEnded) {
                finish(context);
            }
        });
    }

    @Override
    public void closeWith(ByteBuffer reply) {
        onLoop(() -> {
            inputEnded = true;
            unread = null;
            // Go on reading (and dropping) what the client still sends: closing on bytes left
            // unread would be a reset, which may destroy the reply before the client reads it.
            channel.config().setAutoRead(true);
            channel.writeAndFlush(Unpooled.wrappedBuffer(reply.duplicate())).addListener(ChannelFutureListener.CLOSE);
        });
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public void resumeInput() {
        onLoop(() -> drain(context));
    }

    /** Runs on the channel's event loop, later, even when called there: never inside core's own call. */
    private void onLoop(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (java.util.concurrent.RejectedExecutionException loopGone) {
            channel.close();   // the loop is shutting down: the channel goes with it
        }
    }

    /** The longest reply, so that {@link #replies} always has room for one. */
    static {
        if (Wire.MAX_REPLY_BYTES > 4096) {
            throw new AssertionError("reply buffer too small");
        }
    }
}
