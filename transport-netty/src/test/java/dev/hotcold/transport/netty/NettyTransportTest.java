package dev.hotcold.transport.netty;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.RecordingListener;
import dev.hotcold.testkit.SocketRawClient;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Netty transport's own settings, and the game in a Netty server that is not hotcold's. */
class NettyTransportTest {

    @Test
    void serviceLoaderFindsItWithItsOptions() throws IOException {
        try (Transport transport = Transport.named("netty", Map.of("io", "nio", "loops", "2"))) {
            assertEquals("NettyTransport[io=nio, loops=2]", transport.toString());
            try (GameServer server = transport.serve(ServerConfig.loopback(0));
                 GameConnection connection = transport.connect(server.address());
                 Game game = Game.start(connection, 1, 100, 37)) {
                assertTrue(game.play().size() >= 1);
            }
        }
    }

    @Test
    void badOptionsNameTheOptionAndTheValuesAllowed() {
        Transport netty = new NettyTransport();
        assertEquals("io must be one of nio, epoll, io_uring, auto; was 'kqueue'",
                assertThrows(IllegalArgumentException.class, () -> netty.withOptions(Map.of("io", "kqueue"))).getMessage());
        assertEquals("loops must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> netty.withOptions(Map.of("loops", "0"))).getMessage());
        assertEquals("loops must be a number, was 'two'",
                assertThrows(IllegalArgumentException.class, () -> netty.withOptions(Map.of("loops", "two"))).getMessage());
        assertEquals("unknown option 'threads' of transport netty; it has: io, loops",
                assertThrows(IllegalArgumentException.class, () -> netty.withOptions(Map.of("threads", "2"))).getMessage());
    }

    @Test
    void autoIsTheBestKindThatLoads() {
        IoKind chosen = IoKind.AUTO.resolve();
        if (IoKind.IO_URING.isAvailable()) {
            assertEquals(IoKind.IO_URING, chosen);
        } else if (IoKind.EPOLL.isAvailable()) {
            assertEquals(IoKind.EPOLL, chosen);
        } else {
            assertEquals(IoKind.NIO, chosen);
        }
        assertTrue(IoKind.NIO.isAvailable());
    }

    /**
     * README's example: a Netty server of the user's own whose pipeline sends {@code HELLO} lines
     * to a handler of theirs and everything else to the game, on one port.
     */
    @Test
    void theGameLivesBesideAnotherProtocolInAUsersOwnPipeline() throws Exception {
        RecordingListener listener = new RecordingListener();
        HotColdService game = HotColdService.create(ServerConfig.builder().maxConnections(2).listener(listener).build());
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel bound = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HelloOrGame(game));
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            InetSocketAddress address = (InetSocketAddress) bound.localAddress();
            try (SocketRawClient hello = new SocketRawClient(address)) {
                hello.write("HELLO\n".getBytes(US_ASCII));
                assertEquals("HELLO from the user's own handler", hello.readLine());
            }
            try (SocketRawClient player = new SocketRawClient(address)) {
                player.write("PARAMS 7 7\nNUMBER\n".getBytes(US_ASCII));
                assertEquals("7", player.readLine(), "the game answers on the same port");
                player.write("REPORT Correct\nCLEAR\n".getBytes(US_ASCII));
            }
            listener.awaitCleared(1);
            game.shutdown();
            try (SocketRawClient late = new SocketRawClient(address)) {
                late.write("PARAMS 1 9\nNUMBER\n".getBytes(US_ASCII));
                assertEquals(null, late.readLine(), "after shutdown the game turns new channels away");
            }
            assertTrue(game.awaitTermination(Duration.ofSeconds(10)));
            bound.close().sync();
        } finally {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }

    /** The user's handler: looks at the first bytes, answers HELLO itself, hands anything else to the game. */
    private static final class HelloOrGame extends ChannelInboundHandlerAdapter {
        private final HotColdService game;

        HelloOrGame(HotColdService game) {
            this.game = game;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf bytes = (ByteBuf) message;
            if (bytes.toString(US_ASCII).startsWith("HELLO")) {
                bytes.release();
                ctx.writeAndFlush(Unpooled.copiedBuffer("HELLO from the user's own handler\n", US_ASCII))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.pipeline().addLast(game.newHandler());   // the game takes the channel from here
            ctx.pipeline().remove(this);
            ctx.pipeline().fireChannelActive();          // the game's handler admits the connection
            ctx.pipeline().fireChannelRead(bytes);
        }
    }
}
