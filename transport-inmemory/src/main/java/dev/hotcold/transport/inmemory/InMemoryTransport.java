package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.spi.StreamGameConnection;
import dev.hotcold.core.spi.Wire;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The in-VM transport, for tests and demos: servers are found by name, connections are pairs of
 * bounded pipes, and no thread is started. The server's session runs on the thread of the client
 * that writes a request or reads a reply; a writer waits (or its asynchronous send completes
 * later) while the pipe is full, as with a socket.
 *
 * <pre>{@code
 * Transport transport = new InMemoryTransport();
 * try (GameServer server = transport.serve(ServerConfig.loopback(0));   // a unique name
 *      GameConnection connection = transport.connect(server.address());
 *      Game game = Game.start(connection, 1, 5, 3)) {
 *     game.play();
 * }
 * }</pre>
 *
 * <p>Servers bound to an {@link InMemoryAddress} use its name; any other bind address gets a
 * unique name. The idle timeout does not apply: there is no clock here. Listener callbacks run
 * on client threads, under the connection's lock.
 */
public final class InMemoryTransport implements Transport {
    /** Default capacity of each pipe, in bytes. */
    public static final int DEFAULT_PIPE_CAPACITY = 64 * 1024;

    private final int pipeCapacity;

    /** A transport whose pipes hold {@value #DEFAULT_PIPE_CAPACITY} bytes each way. */
    public InMemoryTransport() {
        this(DEFAULT_PIPE_CAPACITY);
    }

    /**
     * A transport whose pipes hold {@code pipeCapacity} bytes each way.
     *
     * @param pipeCapacity bytes each pipe holds before a writer must wait; at least enough for
     *     one command and one reply
     */
    public InMemoryTransport(int pipeCapacity) {
        int minimum = Math.max(Wire.MAX_COMMAND_BYTES, Wire.MAX_REPLY_BYTES);
        if (pipeCapacity < minimum) {
            throw new IllegalArgumentException("pipeCapacity must be at least " + minimum + ", was " + pipeCapacity);
        }
        this.pipeCapacity = pipeCapacity;
    }

    @Override
    public String name() {
        return "inmemory";
    }

    @Override
    public GameServer serve(ServerConfig config) throws IOException {
        return InMemoryServer.start(config, pipeCapacity);
    }

    /**
     * Connects at once: nothing here waits to be accepted, so the connect timeout has nothing to
     * time. The reply timeout bounds each wait for a reply (say, after a receive with no request
     * made) and each wait for room in a full request pipe, so {@code close()}, which writes what
     * is buffered, is bounded too.
     */
    @Override
    public GameConnection connect(SocketAddress address, ClientOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        Link link = InMemoryServer.lookup(address).accept();
        return new StreamGameConnection(LinkStreams.input(link, address, options), LinkStreams.output(link, address, options), link::closeClient);
    }

    /**
     * Connects at once, as {@link #connect(SocketAddress, ClientOptions)}; a receive or send stage
     * the server leaves waiting past the reply timeout fails with a
     * {@link dev.hotcold.core.client.ClientTimeoutException}, and the connection closes.
     */
    @Override
    public CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address, ClientOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            return CompletableFuture.completedFuture(
                    new AsyncInMemoryConnection(InMemoryServer.lookup(address).accept(), address, options));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String toString() {
        return "InMemoryTransport[pipeCapacity=" + pipeCapacity + "]";
    }
}
