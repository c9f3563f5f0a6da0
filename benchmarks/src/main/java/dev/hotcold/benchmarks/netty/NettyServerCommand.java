package dev.hotcold.benchmarks.netty;

import dev.hotcold.benchmarks.FlagReader;
import dev.hotcold.benchmarks.ServerProcess;
import dev.hotcold.transport.netty.IoKind;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code netty-server [--host H] [--port P] [--workers N] [--seed S]}: the Netty reference server
 * as a process, for {@code ./hotcold load} and the yardstick. Prints {@code listening on HOST:PORT}
 * once it accepts connections, as {@code ./hotcold serve} does; SIGTERM or Ctrl-C closes it
 * (every connection and event loop) and it prints {@code stopped} before the JVM exits.
 */
public final class NettyServerCommand {
    static final String USAGE = "usage: netty-server [--host HOST] [--port PORT] [--workers N] [--seed SEED]"
            + " [--io nio|epoll|io_uring] [--tls-keystore PKCS12 --tls-password PASSWORD]";

    private NettyServerCommand() {}

    /** TLS 1.3 on the JDK's provider (as hotcold uses), from a PKCS12 key store. */
    private static io.netty.handler.ssl.SslContext jdkTls(String keyStore, char[] password) throws IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(keyStore))) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(in, password);
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            return io.netty.handler.ssl.SslContextBuilder.forServer(keys)
                    .sslProvider(io.netty.handler.ssl.SslProvider.JDK).protocols("TLSv1.3").build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot use " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** Runs the server until the JVM is told to stop; returns the exit status of a usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 1234;
        int workers = Runtime.getRuntime().availableProcessors();
        long seed = System.nanoTime();
        String keyStore = null;
        IoKind io = IoKind.NIO;
        String password = "";
        try {
            FlagReader flags = new FlagReader(args, Set.of());
            while (flags.next()) {
                if (flags.isHelp()) {
                    out.println(USAGE);
                    return 0;
                }
                String flag = flags.flag();
                String value = flags.value();
                switch (flag) {
                    case "--host" -> host = value;
                    case "--port" -> port = (int) ServerProcess.parse(flag, value, 0, 65535);
                    case "--workers" -> workers = (int) ServerProcess.parse(flag, value, 1, 1024);
                    case "--seed" -> seed = ServerProcess.parse(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--tls-keystore" -> keyStore = value;
                    case "--io" -> io = IoKind.parse(value);
                    case "--tls-password" -> password = value;
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("netty-server: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        NettyReferenceServer server;
        try {
            server = NettyReferenceServer.start(host, port, workers, seed,
                    keyStore == null ? null : jdkTls(keyStore, password.toCharArray()), io);
        } catch (IOException | RuntimeException e) {
            err.println("netty-server: " + e.getMessage());
            return 1;
        }
        return ServerProcess.serveUntilStopped("netty-server", server.address(), server::close, out);
    }
}
