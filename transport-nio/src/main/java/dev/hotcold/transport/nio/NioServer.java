package dev.hotcold.transport.nio;

import dev.hotcold.core.spi.Endpoint;
import dev.hotcold.core.spi.ServerLifecycle;
import dev.hotcold.socket.Sockets;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The NIO server's endpoint: an acceptor thread and N event loops. The acceptor takes connections
 * with a blocking {@code accept} and hands those core admits round-robin to the loops, which own
 * them for life. The lifecycle is core's {@link ServerLifecycle}.
 */
final class NioServer implements Endpoint {
    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final ServerLoop[] loops;
    private volatile Thread acceptor;
    /** The acceptor thread's alone. */
    private int nextLoop;

    private NioServer(ServerSocketChannel listener, int loopCount) {
        this.listener = listener;
        this.address = listener.socket().getLocalSocketAddress();
        this.loops = new ServerLoop[loopCount];
    }

    static GameServer start(ServerConfig config, int loopCount, WaterMarks waterMarks) throws IOException {
        NioServer endpoint = new NioServer(Sockets.listen(config), loopCount);
        ServerLifecycle server = new ServerLifecycle(config, endpoint);
        endpoint.start(server, waterMarks);
        return server;
    }

    private void start(ServerLifecycle server, WaterMarks waterMarks) {
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new ServerLoop("hotcold-server-nio-loop-" + i, server, waterMarks);
            loops[i].start();
        }
        acceptor = Thread.ofPlatform().name("hotcold-server-nio-acceptor").daemon(true)
                .start(() -> Sockets.acceptLoop(listener, "hotcold-server-nio-acceptor", channel -> admit(server, channel)));
    }

    private void admit(ServerLifecycle server, SocketChannel socket) {
        try {
            socket.configureBlocking(false);
        } catch (IOException e) {
            Sockets.closeQuietly(socket);
            return;
        }
        ServerLoop loop = loops[nextLoop];
        nextLoop = (nextLoop + 1) % loops.length;
        NioConnection connection = new NioConnection(socket, loop);
        server.admit(connection).ifPresent(core -> loop.adopt(connection, core));
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    @Override
    public void stopAccepting() {
        Sockets.closeQuietly(listener);
    }

    @Override
    public void release() {
        for (ServerLoop loop : loops) {
            loop.stopNow();
        }
    }

    @Override
    public boolean isTerminated() {
        if (acceptor.isAlive()) {
            return false;
        }
        for (ServerLoop loop : loops) {
            if (loop.thread().isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean awaitTermination(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        if (!acceptor.join(Duration.ofNanos(Math.max(1, nanos)))) {
            return false;
        }
        for (ServerLoop loop : loops) {
            if (!loop.join(deadline - System.nanoTime())) {
                return false;
            }
        }
        return true;
    }

    /**
     * For tests: the most unsent bytes held for any one connection, and the number of
     * connections whose reading is suspended by the water marks.
     */
    static int[] backlog(GameServer server) {
        int largest = 0;
        int suspended = 0;
        NioServer nio = (NioServer) ((ServerLifecycle) server).endpoint();
        for (ServerLoop loop : nio.loops) {
            int[] one = loop.backlog().join();
            largest = Math.max(largest, one[0]);
            suspended += one[1];
        }
        return new int[] {largest, suspended};
    }

    /** For tests: sets {@code SO_SNDBUF} of every connection open now. */
    static void setSendBufferSizes(GameServer server, int bytes) {
        NioServer nio = (NioServer) ((ServerLifecycle) server).endpoint();
        for (ServerLoop loop : nio.loops) {
            loop.setSendBufferSizes(bytes).join();
        }
    }
}
