package dev.hotcold.cli;

import dev.hotcold.core.transport.Addresses;
import dev.hotcold.core.transport.GameServer;
import dev.hotcold.core.transport.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A game server until Ctrl-C or SIGTERM, which shut it down gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs a game server. Prints 'listening on HOST:PORT' once it accepts connections",
                "and 'Server: N is D' for every report, as the seed's server does. Ctrl-C or SIGTERM",
                "stops it gracefully: games in play may finish within the grace period.",
                "The transport defaults to blocking."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private TransportChoice transport = new TransportChoice();

    @Mixin
    private StrategyChoice strategy = new StrategyChoice();

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port = 1234;

    @Option(names = "--quiet", description = "Do not print a line per report.")
    private boolean quiet;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connections served at once; one more is told 'ERROR server busy' (default: ${DEFAULT-VALUE}).")
    private int maxConnections = ServerConfig.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Close connections silent this long; 0 never (default: ${DEFAULT-VALUE}).")
    private long idleTimeoutSeconds = 300;

    @Option(names = "--grace", paramLabel = "SECONDS",
            description = "On shutdown, how long games in play may go on (default: ${DEFAULT-VALUE}).")
    private long graceSeconds = 10;

    /** Completed by the shutdown hook; tests complete it to stop the server. */
    final CompletableFuture<Void> stopRequested = new CompletableFuture<>();

    /** Completed with the bound address once the server accepts connections. */
    final CompletableFuture<SocketAddress> listening = new CompletableFuture<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig config = ServerConfig.builder()
                .bindAddress(new InetSocketAddress(host, port))
                .maxConnections(maxConnections)
                .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .shutdownGracePeriod(Duration.ofSeconds(graceSeconds))
                .strategy(strategy.create())
                .listener(new ServerPrinter(out, quiet))
                .build();
        Thread hook = new Thread(() -> stopRequested.complete(null), "hotcold-serve-shutdown");
        try (Transport serving = transport.create(TransportChoice.Kind.blocking);
             GameServer server = serving.serve(config)) {
            Runtime.getRuntime().addShutdownHook(hook);
            synchronized (out) {
                out.println("listening on " + Addresses.describe(server.address()));
                out.flush();
            }
            listening.complete(server.address());
            stopRequested.join();
            // Leaving the try block closes the server: shutdown, the grace period, then the rest.
        } finally {
            removeHook(hook);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting because of the signal; the hook has run.
        }
    }
}
