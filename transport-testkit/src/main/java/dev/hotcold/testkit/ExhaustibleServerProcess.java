package dev.hotcold.testkit;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A server of the transport named by {@code args[0]} (a class with a public no-argument
 * constructor) in a process of its own, for tests that run it short of file descriptors. Prints
 * {@code listening on PORT}, then answers commands from standard input: {@code exhausted} prints
 * whether opening a file fails now, {@code threads} the names of the live platform threads whose
 * names start with {@code hotcold-server}. End of input stops the server.
 */
public final class ExhaustibleServerProcess {
    private ExhaustibleServerProcess() {}

    /**
     * Runs the server until standard input ends.
     *
     * @param args the transport's class name
     * @throws Exception if the transport cannot be made or the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Transport transport = (Transport) Class.forName(args[0]).getConstructor().newInstance();
        GameServer server = transport.serve(ServerConfig.loopback(0).toBuilder()
                .maxConnections(100_000).strategy(GuessStrategy.random(1)).build());
        System.out.println("listening on " + ((InetSocketAddress) server.address()).getPort());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line) {
                case "exhausted" -> System.out.println(exhausted());
                case "threads" -> System.out.println(Thread.getAllStackTraces().keySet().stream()
                        .map(Thread::getName).filter(name -> name.startsWith("hotcold-server"))
                        .sorted().collect(Collectors.joining(",")));
                default -> System.out.println("unknown: " + line);
            }
            System.out.flush();
        }
        server.shutdownNow();
        server.awaitTermination(Duration.ofSeconds(10));
        transport.close();
    }

    /** True when the process cannot open one more file. */
    private static boolean exhausted() {
        try (FileInputStream probe = new FileInputStream("/dev/null")) {
            return probe.available() < 0;   // never: the file opened, so descriptors are left
        } catch (IOException e) {
            return true;
        }
    }
}
