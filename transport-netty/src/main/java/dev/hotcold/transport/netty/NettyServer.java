package dev.hotcold.transport.netty;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.spi.Endpoint;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * hotcold's own Netty server: a boss loop that accepts and N worker loops that serve, of the
 * chosen {@link IoKind}, with {@link HotColdChannelInitializer} as every child's handler. The
 * lifecycle is core's {@link ServerLifecycle}.
 */
final class NettyServer implements Endpoint {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private volatile Channel listener;

    private NettyServer(EventLoopGroup boss, EventLoopGroup workers) {
        this.boss = boss;
        this.workers = workers;
    }

    static GameServer start(ServerConfig config, IoKind io, int workerLoops) throws IOException {
        IoKind kind = io.resolve();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("hotcold-server-netty-boss", true), kind.handlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(workerLoops,
                new DefaultThreadFactory("hotcold-server-netty-loop", true), kind.handlerFactory());
        NettyServer endpoint = new NettyServer(boss, workers);
        try {
            ServerLifecycle server = new ServerLifecycle(config, endpoint, HotColdService.LISTENER_THREADS);
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(kind.serverChannelClass())
                    .option(ChannelOption.SO_BACKLOG, config.backlog())
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                    .childHandler(new HotColdChannelInitializer(server));
            ChannelFuture bound = bootstrap.bind(config.bindAddress()).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                Throwable cause = bound.cause();
                throw new IOException("cannot listen on " + Addresses.describe(config.bindAddress()) + ": "
                        + cause.getMessage(), cause);
            }
            endpoint.listener = bound.channel();
            return server;
        } catch (IOException | RuntimeException | Error failure) {
            endpoint.release();
            throw failure;
        }
    }

    @Override
    public SocketAddress address() {
        return listener.localAddress();
    }

    @Override
    public void stopAccepting() {
        Channel bound = listener;
        if (bound != null) {
            ChannelFuture closed = bound.close();
            if (!bound.eventLoop().inEventLoop()) {
                // Closing is asynchronous (with io_uring it completes a ring round later): once this
                // returns, the port must refuse connections, as the other transports' does.
                closed.awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void release() {
        boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    @Override
    public boolean isTerminated() {
        return boss.isTerminated() && workers.isTerminated();
    }

    @Override
    public boolean awaitTermination(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        return boss.awaitTermination(nanos, TimeUnit.NANOSECONDS)
                && workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
