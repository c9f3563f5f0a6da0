package dev.hotcold.transport.nio;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.socket.SocketStreamClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event-loop server (asyncio's design) done with raw {@code java.nio}: selector event loops, no thread per
 * connection. A server has an acceptor and N loops (default: one fewer than the processors, at
 * least one), each connection owned by one loop for life; clients share the transport's client loops (default: one), started
 * on first use and stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (NioTransport transport = NioTransport.builder().serverLoops(2).build();
 *      GameServer server = transport.serve(ServerConfig.loopback(0))) {
 *     transport.connectAsync(server.address())
 *             .thenCompose(connection -> AsyncGame.play(connection, 1, 100, 42))
 *             .toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <p>Backpressure: a server connection whose unsent replies pass the high-water mark is not read
 * until they drain to the low-water mark ({@link WaterMarks}). Idle connections are found by a
 * scan each loop makes a few times per idle timeout. The guess strategy runs on the loops and
 * must not block; the listener runs on a virtual thread per connection, never on a loop, and a
 * connection whose listener falls far behind is not read until it catches up. A blocking client
 * call made on a client loop (in a stage's callback) throws {@link IllegalStateException} at once.
 */
public final class NioTransport implements Transport {
    private final int serverLoops;
    private final int clientLoops;
    private final WaterMarks waterMarks;
    private final Object lock = new Object();
    private final AtomicInteger nextClientLoop = new AtomicInteger();
    private ClientLoop[] clients;
    private boolean closed;

    /** The defaults: a server loop per processor, one client loop, {@link WaterMarks#DEFAULT}. */
    public NioTransport() {
        this(builder());
    }

    private NioTransport(Builder builder) {
        this.serverLoops = builder.serverLoops;
        this.clientLoops = builder.clientLoops;
        this.waterMarks = builder.waterMarks;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public GameServer serve(ServerConfig config) throws IOException {
        return NioServer.start(config, serverLoops, waterMarks);
    }

    /** Options {@code serverLoops} and {@code clientLoops}, each a positive count. */
    @Override
    public Transport withOptions(Map<String, String> options) {
        Builder builder = builder().serverLoops(serverLoops).clientLoops(clientLoops).writeBufferWaterMarks(waterMarks);
        for (Map.Entry<String, String> option : options.entrySet()) {
            int count;
            try {
                count = Integer.parseInt(option.getValue());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option.getKey() + " must be a number, was '" + option.getValue() + "'");
            }
            switch (option.getKey()) {
                case "serverLoops" -> builder.serverLoops(count);
                case "clientLoops" -> builder.clientLoops(count);
                default -> throw new IllegalArgumentException(
                        "unknown option '" + option.getKey() + "' of transport nio; it has: serverLoops, clientLoops");
            }
        }
        return builder.build();
    }

    /**
     * A client on this transport's client loops (started on first use) whose connections fail
     * after the options' connect timeout and, on the connection, after the reply timeout. With
     * TLS in {@code options} the client runs on blocking sockets instead (a
     * {@link SocketStreamClient}: virtual threads for asynchronous connections), since the client
     * loops carry plain text only; closing the transport does not close those connections.
     */
    @Override
    public GameClient client(ClientOptions options) {
        return options.tls().isPresent() ? new SocketStreamClient(options) : new NioClient(this, options);
    }

    /** Connects on one of the client loops, which it starts on first use. */
    CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address, ClientOptions options) {
        if (!(address instanceof InetSocketAddress)) {
            return CompletableFuture.failedFuture(new IOException("not a socket address: " + address));
        }
        ClientLoop loop;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IOException("the transport is closed"));
            }
            if (clients == null) {
                try {
                    clients = startClientLoops();
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            loop = clients[Math.floorMod(nextClientLoop.getAndIncrement(), clientLoops)];
        }
        return loop.connect(address, options);
    }

    private ClientLoop[] startClientLoops() throws IOException {
        ClientLoop[] loops = new ClientLoop[clientLoops];
        try {
            for (int i = 0; i < clientLoops; i++) {
                loops[i] = new ClientLoop("hotcold-client-nio-loop-" + i);
                loops[i].start();
            }
            return loops;
        } catch (IOException | RuntimeException | Error e) {
            for (ClientLoop loop : loops) {
                if (loop != null && loop.isStarted()) {
                    loop.stop();
                } else if (loop != null) {
                    loop.discard();
                }
            }
            throw e;
        }
    }

    /** Fails a blocking call made on a client loop, which would wait for the loop itself. */
    void checkNotOnClientLoop(String call) {
        ClientLoop[] running;
        synchronized (lock) {
            running = clients;
        }
        if (running == null) {
            return;
        }
        for (ClientLoop loop : running) {
            if (loop.inLoop()) {
                throw new IllegalStateException("a blocking " + call + " on " + loop.thread().getName()
                        + " would wait for that loop itself: in a stage's callback, use connectAsync");
            }
        }
    }

    /** Stops the client loops, failing their open connections, and waits for them to end. */
    @Override
    public void close() {
        ClientLoop[] running;
        synchronized (lock) {
            closed = true;
            running = clients;
        }
        if (running == null) {
            return;
        }
        for (ClientLoop loop : running) {
            loop.stop();
        }
        try {
            for (ClientLoop loop : running) {
                if (!loop.inLoop()) {   // closed from a callback: that loop ends after it returns
                    loop.join(10_000_000_000L);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "NioTransport[serverLoops=" + serverLoops + ", clientLoops=" + clientLoops + ", " + waterMarks + "]";
    }

    /**
     * The server loops a transport has unless told otherwise: one fewer than {@code processors},
     * and at least one. One core is left to the rest of the process and the machine (the JIT, the
     * garbage collector, listener threads, clients on the same host): measured against the C floor
     * server on two cores, a second loop cost 45 % of the round trips at 16 connections and gained
     * at most 5 % at 1,024, and with the server held to one core (taskset) one loop was ahead
     * everywhere (BENCHMARKS.md, "How many NIO loops"). Beyond two cores the rule is a choice, not a
     * measurement.
     *
     * @param processors the processors the JVM may use, at least 1
     * @return the default number of server loops
     */
    public static int defaultServerLoops(int processors) {
        return Math.max(1, processors - 1);
    }

    /** Options of an {@link NioTransport}, each checked when set. */
    public static final class Builder {
        private int serverLoops = defaultServerLoops(Runtime.getRuntime().availableProcessors());
        private int clientLoops = 1;
        private WaterMarks waterMarks = WaterMarks.DEFAULT;

        private Builder() {}

        /**
         * Event loops per server; by default one fewer than the processors, and at least one
         * ({@link #defaultServerLoops}).
         *
         * @param loops the number of server event loops, at least 1
         * @return this builder
         */
        public Builder serverLoops(int loops) {
            this.serverLoops = positive(loops, "serverLoops");
            return this;
        }

        /**
         * Event loops shared by this transport's client connections; default 1.
         *
         * @param loops the number of client event loops, at least 1
         * @return this builder
         */
        public Builder clientLoops(int loops) {
            this.clientLoops = positive(loops, "clientLoops");
            return this;
        }

        /**
         * When a server connection stops and resumes reading; default {@link WaterMarks#DEFAULT}.
         *
         * @param waterMarks the marks
         * @return this builder
         */
        public Builder writeBufferWaterMarks(WaterMarks waterMarks) {
            this.waterMarks = Objects.requireNonNull(waterMarks, "waterMarks");
            return this;
        }

        /**
         * The transport with the options set so far.
         *
         * @return a new transport
         */
        public NioTransport build() {
            return new NioTransport(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
