package dev.hotcold.benchmarks.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import dev.hotcold.transport.netty.IoKind;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The game server a Netty 4.2 user would write instead of using hotcold: a
 * {@link ServerBootstrap} on NIO, epoll or io_uring event loops, {@link LineBasedFrameDecoder} and one handler
 * ({@link GuessHandler}). It shares no code with hotcold's core, so the benchmarks can put it
 * beside hotcold's own servers as the row users would pick otherwise.
 *
 * <pre>{@code
 * try (NettyReferenceServer server = NettyReferenceServer.start("127.0.0.1", 0, 1, 42)) {
 *     InetSocketAddress address = server.address();   // play games against it
 * }
 * }</pre>
 */
public final class NettyReferenceServer implements AutoCloseable {
    /** The longest line accepted, as hotcold's default; longer lines get {@code ERROR line too long}. */
    static final int MAX_LINE_LENGTH = 1024;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private NettyReferenceServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    /**
     * Binds to {@code host:port} (port 0: any free port) and serves on {@code workerLoops} event
     * loops; each connection's guesses come from a random generator split off one seeded with
     * {@code seed}.
     *
     * @throws IOException if it cannot bind
     */
    public static NettyReferenceServer start(String host, int port, int workerLoops, long seed)
            throws IOException {
        return start(host, port, workerLoops, seed, null, IoKind.NIO);
    }

    /**
     * As {@link #start(String, int, int, long)}, with TLS when {@code tls} is not null: an
     * {@code SslHandler} first in every connection's pipeline, as a Netty user adds one.
     *
     * @throws IOException if it cannot bind
     */
    public static NettyReferenceServer start(String host, int port, int workerLoops, long seed, SslContext tls,
            IoKind io) throws IOException {
        if (workerLoops < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, was " + workerLoops);
        }
        if (!io.isAvailable()) {
            throw new IOException("io " + io.optionName() + " does not load here: " + io.unavailabilityCause().orElseThrow());
        }
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, io.handlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(workerLoops, io.handlerFactory());
        SplittableRandom seeds = new SplittableRandom(seed);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(io.serverChannelClass())
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            SplittableRandom random;
                            synchronized (seeds) {
                                random = seeds.split();
                            }
                            if (tls != null) {
                                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            }
                            ch.pipeline()
                                    .addLast(new LineBasedFrameDecoder(MAX_LINE_LENGTH, true, true))
                                    .addLast(new GuessHandler(random));
                        }
                    });
            ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new IOException("cannot listen on " + host + ":" + port + ": " + bound.cause(), bound.cause());
            }
            return new NettyReferenceServer(boss, workers, bound.channel());
        } catch (IOException | RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
            throw e;
        }
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Stops listening, closes every connection and waits for the event loops to end. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }
}
