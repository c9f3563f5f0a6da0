package dev.hotcold.benchmarks.plain;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.hotcold.benchmarks.seed.SeedGame;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.SplittableRandom;

/**
 * The game served as a Java developer would write it with nothing but the JDK: a
 * {@link ServerSocket}, a virtual thread per connection, {@link BufferedReader#readLine()} in and
 * a {@link BufferedWriter} out, flushed once no more input is buffered (so pipelined commands get
 * their replies in one write), and the seed's game ({@link SeedGame}). The reference the blocking
 * transport on virtual threads is held against. No limits, no timeouts: a benchmark fixture, not
 * a server to deploy.
 */
public final class PlainServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread acceptor;

    private PlainServer(ServerSocket listener, SplittableRandom seeds) {
        this.listener = listener;
        this.acceptor = Thread.ofPlatform().name("plain-server-accept").start(() -> accept(seeds));
    }

    /**
     * Listens on {@code host:port} (0 for any free port) and serves until closed.
     *
     * @param host the address to listen on
     * @param port the port, or 0
     * @param seed seeds each connection's guesses
     * @return the running server
     * @throws IOException if it cannot listen there
     */
    public static PlainServer start(String host, int port, long seed) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new PlainServer(listener, new SplittableRandom(seed));
    }

    /** @return where it listens */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void accept(SplittableRandom seeds) {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;   // closed
            }
            SplittableRandom random = seeds.split();
            Thread.ofVirtual().start(() -> serve(socket, new SeedGame(random)));
        }
    }

    private static void serve(Socket socket, SeedGame game) {
        try (socket) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
            Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), US_ASCII));
            String line;
            while ((line = in.readLine()) != null) {
                String reply = game.answer(line);
                if (reply != null) {
                    out.write(reply);
                    out.write('\n');
                }
                if (!in.ready()) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException e) {
            // The client went away: its connection ends here.
        }
    }

    /** Stops accepting; connections in play end when their clients leave. */
    @Override
    public void close() {
        try {
            listener.close();
            acceptor.join();
        } catch (IOException ignored) {
            // Closed is closed.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
