package com.example.hotcold.uds;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.StreamAsyncConnection;
import dev.hotcold.core.client.StreamGameConnection;
import dev.hotcold.socket.ClientChannel;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Blocking sockets with the options' timeouts; the asynchronous API on virtual threads. */
final class UdsClient implements GameClient {
    private static final Executor VIRTUAL_THREADS = task -> Thread.ofVirtual().name("uds-client").start(task);

    private final ClientOptions options;

    UdsClient(ClientOptions options) {
        this.options = options;
    }

    @Override
    public GameConnection connect(SocketAddress address) throws IOException {
        ClientChannel socket = ClientChannel.connect(unixDomain(address), options);
        return new StreamGameConnection(socket.in(), socket.out(), socket);
    }

    @Override
    public CompletionStage<AsyncGameConnection> connectAsync(SocketAddress address) {
        CompletableFuture<AsyncGameConnection> connected = new CompletableFuture<>();
        VIRTUAL_THREADS.execute(() -> {
            try {
                ClientChannel socket = ClientChannel.connect(unixDomain(address), options);
                connected.complete(new StreamAsyncConnection(socket.in(), socket.out(), socket, VIRTUAL_THREADS));
            } catch (Throwable failure) {
                connected.completeExceptionally(failure);
            }
        });
        return connected;
    }

    private static SocketAddress unixDomain(SocketAddress address) throws IOException {
        if (!(address instanceof UnixDomainSocketAddress)) {
            throw new IOException("not a UNIX-domain socket address: " + address);
        }
        return address;
    }
}
