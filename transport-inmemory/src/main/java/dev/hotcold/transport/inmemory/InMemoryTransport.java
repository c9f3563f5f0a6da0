package dev.hotcold.transport.inmemory;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;

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
 * unique name. The idle timeout does not apply: there is no clock here. The strategy and listener
 * run on the client's thread that made the session move, with no lock held.
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
        if (config.tls().isPresent()) {
            throw new IllegalArgumentException("the inmemory transport has no TLS: its bytes never leave the JVM; serve without tls");
        }
        return InMemoryServer.start(config, pipeCapacity);
    }

    /**
     * A client whose reply timeout bounds each wait for a reply and for room in a full request
     * pipe; connecting never waits.
     */
    @Override
    public GameClient client(ClientOptions options) {
        if (options.tls().isPresent()) {
            throw new IllegalArgumentException("the inmemory transport has no TLS: its bytes never leave the JVM; connect without tls");
        }
        return new InMemoryClient(options);
    }

    @Override
    public String toString() {
        return "InMemoryTransport[pipeCapacity=" + pipeCapacity + "]";
    }
}
