package dev.hotcold.transport.nio;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An NIO server in a process of its own, for tests that need more sockets than one process may
 * hold. Prints {@code listening on PORT}, then answers commands read from standard input:
 * {@code connections} prints the connection count, {@code heap} prints the heap in use after a
 * full collection; end of input stops the server.
 */
public final class NioServerProcess {
    private NioServerProcess() {}

    public static void main(String[] args) throws Exception {
        int maxConnections = Integer.parseInt(args[0]);
        NioTransport transport = NioTransport.builder().build();
        GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder()
                .maxConnections(maxConnections).strategy(GuessStrategy.random(1)).build());
        System.out.println("listening on " + ((InetSocketAddress) server.address()).getPort());
        System.out.flush();
        Runtime runtime = Runtime.getRuntime();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line) {
                case "connections" -> System.out.println(server.connectionCount());
                case "heap" -> {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                    System.out.println(runtime.totalMemory() - runtime.freeMemory());
                }
                default -> System.out.println("unknown: " + line);
            }
            System.out.flush();
        }
        server.shutdownNow();
        server.awaitTermination(java.time.Duration.ofSeconds(10));
    }
}
