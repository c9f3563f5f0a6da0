package dev.hotcold.benchmarks.netty;

import dev.hotcold.benchmarks.seed.SeedGame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.CharsetUtil;
import java.util.SplittableRandom;

/**
 * The whole game for one connection, as a Netty user would write it: a frame from
 * {@code LineBasedFrameDecoder} in, decoded to a {@code String}, the seed's game
 * ({@link SeedGame}), a reply line out, replies flushed once per read batch. One instance per
 * channel: not sharable.
 */
final class GuessHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private final SeedGame game;

    GuessHandler(SplittableRandom random) {
        this.game = new SeedGame(random);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        String reply = game.answer(frame.toString(CharsetUtil.US_ASCII));
        if (reply != null) {
            ctx.write(ByteBufUtil.writeAscii(ctx.alloc(), reply + "\n"));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // The decoder drops the line up to its end; the connection goes on.
            ctx.writeAndFlush(ByteBufUtil.writeAscii(ctx.alloc(), "ERROR line too long\n"));
        } else {
            ctx.close();
        }
    }
}
