package dev.hotcold.cli;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.ServerObserver;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.cli.flags.TlsFlags;
import dev.hotcold.core.tls.TlsConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A game server until Ctrl-C or SIGTERM, which stop it gracefully: no new connections, games in
 * play finish within the grace period, the rest are cut, then the process exits with status 0. A
 * second Ctrl-C or SIGTERM cuts the games still in play at once, and the process exits with 130
 * or 143, as a shell reports a process ended by that signal.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, modelTransformer = ServeCommand.SocketsOnly.class,
        header = "Runs a game server until Ctrl-C or SIGTERM.",
        description = {"Runs a game server. Prints 'listening on HOST:PORT' once it accepts connections and"
                + " 'Server: N is D' for every report, as the book's server does; --quiet leaves them out,"
                + " which is what load needs. Reports are printed by a thread of their own, so a slow standard"
                + " output never holds up a game: when it cannot keep up, the reports that do not fit in the queue"
                + " are counted instead, in a line '(N reports not printed: standard output was too slow)'.",
                "",
                "Ctrl-C or SIGTERM stops it gracefully: no new connections are taken, games in play may finish"
                        + " within the grace period (--grace), the rest are cut, the reports still queued are"
                        + " printed, and the exit status is 0. A second Ctrl-C or SIGTERM during the grace period"
                        + " cuts the games still in play at once; the exit status is then 130 after Ctrl-C and 143"
                        + " after SIGTERM, as a shell reports a process ended by that signal.",
                "",
                "With --metrics-port, the server's meters (README, 'Operating hotcold') are served as Prometheus"
                        + " text at http://METRICS-HOST:PORT/metrics, and a line 'metrics on http://HOST:PORT/metrics'"
                        + " says where. With --jfr, a JDK Flight Recorder recording of the JDK's default events and"
                        + " hotcold's is written to FILE when the server stops, after the games of the grace period.",
                "",
                "Exit status: 0 after a graceful stop; 130 or 143 after a second signal; 1 when the port or the"
                        + " metrics port is in use, the address is not this machine's, the --jfr file cannot be"
                        + " written, or the server did not stop; 2 for a bad option.",
                "",
                "The transport defaults to blocking; inmemory, which serves only inside one process, is not"
                        + " offered.",
                ""})
final class ServeCommand implements Callable<Integer> {
    /** How long the connections cut after the grace period may take to close. */
    static final Duration CUT_OFF_BOUND = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Mixin
    private TransportChoice transport = new TransportChoice();

    @Mixin
    private StrategyChoice strategy = new StrategyChoice();

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", converter = Flags.Host.class,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private InetAddress host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "1234", converter = Flags.ListenPort.class,
            description = "Port to listen on, 0 to 65535; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--quiet", description = "Do not print a line per report: under load they would flood the terminal.")
    private boolean quiet;

    @Option(names = "--max-connections", paramLabel = "N", converter = Flags.AtLeastOne.class,
            description = "Connections served at once, at least 1; one more is told 'ERROR server busy' (default: ${DEFAULT-VALUE}).")
    private int maxConnections = ServerConfig.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", converter = Flags.Seconds.class,
            description = "Close connections silent this long; 0 never (default: ${DEFAULT-VALUE}).")
    private long idleTimeoutSeconds = 300;

    @Option(names = "--line-timeout", paramLabel = "SECONDS", converter = Flags.Seconds.class,
            description = "Answer 'ERROR line timeout' and close a connection whose command line is not whole this long"
                    + " after its first byte, however the bytes trickle in; 0 never (default: ${DEFAULT-VALUE}).")
    private long lineTimeoutSeconds = ServerConfig.DEFAULT_LINE_TIMEOUT.toSeconds();

    @Mixin
    private TlsFlags.Server tls = new TlsFlags.Server();

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", converter = Flags.Seconds.class,
            description = "Close a TLS connection whose handshake is not done this long after accept; 0 never"
                    + " (default: ${DEFAULT-VALUE}).")
    private long handshakeTimeoutSeconds = ServerConfig.DEFAULT_HANDSHAKE_TIMEOUT.toSeconds();

    @Option(names = "--metrics-port", paramLabel = "PORT", converter = Flags.ListenPort.class,
            description = "Serve the meters as Prometheus text on this port, 0 to 65535; 0 picks a free one (default: none).")
    private Integer metricsPort;

    @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "127.0.0.1", converter = Flags.Host.class,
            description = "Address the metrics are served on (default: ${DEFAULT-VALUE}).")
    private InetAddress metricsHost;

    @Option(names = "--jfr", paramLabel = "FILE",
            description = "Record JDK Flight Recorder events, hotcold's among them, to FILE; written when the server stops.")
    private Path jfrFile;

    @Option(names = "--grace", paramLabel = "SECONDS", converter = Flags.Seconds.class,
            description = "On Ctrl-C or SIGTERM, how long games in play may go on before they are cut (default: ${DEFAULT-VALUE}).")
    private long graceSeconds = 10;

    /** Completed on Ctrl-C or SIGTERM; tests complete it to stop the server. */
    final CompletableFuture<Void> stopRequested = new CompletableFuture<>();

    /** Completed with the bound address once the server accepts connections. */
    final CompletableFuture<SocketAddress> listening = new CompletableFuture<>();

    /** What a second signal cut, once one has; written on the signal's thread before it cuts. */
    private volatile SecondSignal cut;

    /** A second signal, and the connections still open when it came. */
    private record SecondSignal(StopOnSignal.StopSignal signal, int connections) {}

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Duration grace = Duration.ofSeconds(graceSeconds);
        TlsConfig tlsConfig = tls.config().orElse(null);   // a bad file is a flag error before anything starts
        if (metricsPort != null && metricsPort == port && port != 0 && metricsHost.equals(host)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--metrics-port': "
                    + metricsPort + " is the game server's --port; give the metrics a port of their own");
        }
        try (FlightRecording recording = jfrFile == null ? null : FlightRecording.start(jfrFile);
             MetricsEndpoint metrics = metricsPort == null ? null
                     : MetricsEndpoint.start(new InetSocketAddress(metricsHost, metricsPort));
             ServerPrinter printer = new ServerPrinter(out, quiet);
             Transport serving = transport.create(TransportChoice.Kind.blocking);
             GameServer server = listen(serving, config(grace, printer, metrics == null ? ServerObserver.NONE : metrics.meters(),
                     tlsConfig));
             StopOnSignal signals = new StopOnSignal(() -> stopRequested.complete(null), signal -> cut(server, signal),
                     grace.plus(CUT_OFF_BOUND).plus(ServerPrinter.PRINT_BOUND).plusSeconds(5), out::flush)) {
            if (metrics != null) {
                say(out, "metrics on http://" + Addresses.describe(metrics.address()) + MetricsEndpoint.PATH);
            }
            if (recording != null) {
                say(out, "recording flight events to " + recording.file());
            }
            say(out, "listening on " + Addresses.describe(server.address())
                    + (tlsConfig == null ? "" : " over TLS (" + String.join(", ", tlsConfig.protocols())
                            + (tlsConfig.clientAuth() == dev.hotcold.core.tls.ClientAuth.NONE ? ""
                                    : "; client certificates " + tlsConfig.clientAuth().name().toLowerCase(java.util.Locale.ROOT)) + ")"));
            listening.complete(server.address());
            stopRequested.join();
            Stopped stopped = stop(server, grace, printer, out);
            if (recording != null) {
                recording.close();
                say(out, "flight recording written to " + recording.file());
            }
            say(out, stopped.lastLine());
            signals.stopped(stopped.status());
            return stopped.status();
        }
    }

    /** The server serves other processes, so its --transport offers the socket transports only. */
    static final class SocketsOnly implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec serve) {
            return TransportChoice.socketsOnly(serve, "serves only inside one process, where no client can reach it");
        }
    }

    /** The second signal: counts what is still open, then cuts it. On the signal's thread. */
    private void cut(GameServer server, StopOnSignal.StopSignal signal) {
        cut = new SecondSignal(signal, server.connectionCount());
        server.shutdownNow();
    }

    private ServerConfig config(Duration grace, ServerPrinter printer, ServerObserver observer, TlsConfig tlsConfig) {
        return ServerConfig.builder()
                .tls(tlsConfig)
                .handshakeTimeout(Duration.ofSeconds(handshakeTimeoutSeconds))
                .bindAddress(new InetSocketAddress(host, port))
                .maxConnections(maxConnections)
                .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .lineTimeout(Duration.ofSeconds(lineTimeoutSeconds))
                .shutdownGracePeriod(grace)
                .strategy(strategy.create())
                .listener(quiet ? GameListener.NONE : printer)   // quiet: nothing to hand over at all
                .observer(observer)
                .build();
    }

    /** Binds, with the address the user gave in the message whatever the transport says. */
    private static GameServer listen(Transport serving, ServerConfig config) throws IOException {
        try {
            return serving.serve(config);
        } catch (IOException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new IOException("cannot listen on " + Addresses.describe(config.bindAddress()) + ": "
                    + reason.getMessage(), e);
        }
    }

    /**
     * The graceful stop: no new connections, games in play get the grace period, then the rest
     * are cut; a second signal cuts them at once. The reports still queued are printed before the
     * last line is said. Returns the exit status (0 once the server has terminated, the second
     * signal's status if one cut the stop short, 1 if the server did not terminate) and that line.
     */
    private Stopped stop(GameServer server, Duration grace, ServerPrinter printer, PrintWriter out)
            throws InterruptedException {
        server.shutdown();
        say(out, "stopping: no new connections; games in play may finish within " + grace.toSeconds()
                + " s (a second Ctrl-C or SIGTERM cuts them now)");
        boolean finished = server.awaitTermination(grace);
        String last;
        int status = 0;
        if (finished && cut == null) {
            last = "stopped: every game in play finished";
        } else {
            int open = server.connectionCount();
            if (cut == null) {
                server.shutdownNow();   // the grace period ran out
            }
            if (server.awaitTermination(CUT_OFF_BOUND)) {
                SecondSignal second = cut;
                if (second != null) {
                    last = "stopped: a second " + second.signal() + " cut " + second.connections() + " connection(s)";
                    status = second.signal().exitStatus();
                } else {
                    last = "stopped: the grace period ran out; " + open + " connection(s) cut";
                }
            } else {
                last = "hotcold: the server did not stop within " + CUT_OFF_BOUND.toSeconds() + " s of cutting its connections";
                status = 1;
            }
        }
        printer.awaitPrinted(ServerPrinter.PRINT_BOUND);
        return new Stopped(status, last);
    }

    /** How the stop went: the exit status and the line to say last. */
    private record Stopped(int status, String lastLine) {}

    private static void say(PrintWriter out, String line) {
        synchronized (out) {   // the printer thread prints reports on the same writer
            out.println(line);
            out.flush();
        }
    }
}
