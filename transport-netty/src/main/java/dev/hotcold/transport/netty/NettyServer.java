package dev.hotcold.transport.netty;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.spi.Endpoint;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * hotcold's own Netty server: a boss loop that accepts and N worker loops that serve, of the
 * chosen {@link IoKind}, with {@link HotColdChannelInitializer} as every child's handler. The
 * lifecycle is core's {@link ServerLifecycle}.
 */
final class NettyServer implements Endpoint {
    /**
     * How long an io_uring loop that is shutting down goes on with I/O after its last task (it
     * then checks every 100 ms): with io_uring a close completes a ring round later (the listener's
     * too, its accept cancelled first), and a close finishing after the loop has ended could only
     * log that its deregistration was rejected. NIO and epoll close at once and end without waiting.
     */
    private static final long URING_QUIET_MILLIS = 1;
    /** A loop that is shutting down ends after this long whatever it is doing. */
    private static final long LAST_MILLIS = 5_000;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final long quietMillis;
    /** Every accepted channel still open (a group forgets a channel once it closes). */
    private final ChannelGroup children = new DefaultChannelGroup("hotcold-server-netty", GlobalEventExecutor.INSTANCE);
    private volatile Channel listener;

    private NettyServer(EventLoopGroup boss, EventLoopGroup workers, IoKind kind) {
        this.boss = boss;
        this.workers = workers;
        this.quietMillis = kind == IoKind.IO_URING ? URING_QUIET_MILLIS : 0;
    }

    static GameServer start(ServerConfig config, IoKind io, int workerLoops) throws IOException {
        IoKind kind = io.resolve();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("hotcold-server-netty-boss", true), kind.handlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(workerLoops,
                new DefaultThreadFactory("hotcold-server-netty-loop", true), kind.handlerFactory());
        NettyServer endpoint = new NettyServer(boss, workers, kind);
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
                    .childHandler(endpoint.tracking(new HotColdChannelInitializer(server)));
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

    /** The game's initializer, with each child kept in {@link #children} until it closes. */
    private ChannelInitializer<Channel> tracking(HotColdChannelInitializer game) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel child) {
                children.add(child);
                game.addTo(child);
            }
        };
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

    /**
     * Ends the loops in order, each step once the one before has finished: the boss loop; then
     * the tasks already queued on the workers (among them the registration of each connection the
     * boss accepted in its last rounds: the listener's close and a client's connect can cross);
     * then every child still open is closed; then the workers. Netty never meets a loop that is
     * gone: an accepted connection reaches a worker that can still take it, and no channel is
     * mid-close when its worker ends (with io_uring a close completes a ring round later). Either
     * would put a warning from Netty in the log. On io_uring each loop also goes on with I/O for
     * {@link #URING_QUIET_MILLIS} after its last task.
     */
    @Override
    public void release() {
        boss.shutdownGracefully(quietMillis, LAST_MILLIS, TimeUnit.MILLISECONDS).addListener(bossEnded -> queuedOnWorkers()
                .addListener(handedOver -> children.close().addListener(childrenClosed ->
                        workers.shutdownGracefully(quietMillis, LAST_MILLIS, TimeUnit.MILLISECONDS))));
    }

    /** Done once each worker has run what was queued on it before this call (tasks run in order). */
    private Future<Void> queuedOnWorkers() {
        Promise<Void> done = GlobalEventExecutor.INSTANCE.newPromise();
        List<EventExecutor> loops = new ArrayList<>();
        workers.forEach(loops::add);
        AtomicInteger running = new AtomicInteger(loops.size());
        for (EventExecutor worker : loops) {
            worker.submit(() -> { }).addListener(ran -> {
                if (running.decrementAndGet() == 0) {
                    done.setSuccess(null);
                }
            });
        }
        return done;
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
