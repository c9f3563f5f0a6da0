package com.example.hotcold.uds;

import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.socket.Sockets;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;

/**
 * The game over UNIX-domain sockets: a server bound to a socket file (a fresh one in a temporary
 * directory when the config's bind address is not a {@link UnixDomainSocketAddress}), a virtual
 * thread per connection, and a client of blocking sockets.
 */
public final class UdsTransport implements Transport {

    /** A transport with nothing to configure; {@code Transport.named("uds")} makes one too. */
    public UdsTransport() {}

    @Override
    public String name() {
        return "uds";
    }

    @Override
    public GameServer serve(ServerConfig config) throws IOException {
        if (!(config.bindAddress() instanceof UnixDomainSocketAddress)) {
            var file = Files.createTempDirectory("hotcold-uds").resolve("server.sock");
            config = config.toBuilder().bindAddress(UnixDomainSocketAddress.of(file)).build();
        }
        ServerSocketChannel listener = Sockets.listen(config);   // throws if the file exists
        UdsEndpoint endpoint = new UdsEndpoint(listener);
        ServerLifecycle server = new ServerLifecycle(config, endpoint);
        endpoint.start(server);   // accepts; each connection admits itself on its own thread
        return server;
    }

    @Override
    public GameClient client(ClientOptions options) {
        return new UdsClient(options);
    }
}
