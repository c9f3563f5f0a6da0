package dev.hotcold.transport.nio;

import dev.hotcold.core.server.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs in a process short of file descriptors: asks for a server with more event loops than it
 * can open selectors for, so that {@code serve()} fails part-way, then prints what was left
 * behind, one {@code key=value} per line: {@code failure} (the exception's message),
 * {@code leakedDescriptors} (open descriptors after, less before), {@code threads} (live server
 * threads) and {@code portFree} (whether the port can be bound again).
 */
public final class FailedServeProcess {
    private FailedServeProcess() {}

    public static void main(String[] args) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ServerConfig config = ServerConfig.loopback(port);
        // Everything a serve() loads, loaded now, so that the count below is only what it holds.
        NioTransport.builder().serverLoops(1).build().serve(ServerConfig.loopback(0)).close();
        NioTransport transport = NioTransport.builder().serverLoops(Integer.parseInt(args[0])).build();
        long before = descriptors();
        String failure = "none";
        try {
            transport.serve(config).close();
        } catch (IOException e) {
            failure = e.getMessage();
        }
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("hotcold-server")).toList();
        long deadline = System.nanoTime() + 10_000_000_000L;   // ten seconds in all for them to end
        for (Thread thread : threads) {
            thread.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        boolean portFree;
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            portFree = true;
        } catch (IOException inUse) {
            portFree = false;
        }
        System.out.println("failure=" + failure);
        System.out.println("leakedDescriptors=" + (descriptors() - before));
        System.out.println("threads=" + threads.stream().filter(Thread::isAlive).map(Thread::getName).toList());
        System.out.println("portFree=" + portFree);
    }

    private static long descriptors() throws IOException {
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            return open.count() - 1;   // less the directory listing itself
        }
    }
}
