package dev.hotcold.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny server that speaks just enough of the protocol to break it in one chosen way, for the
 * play and load commands' tests: a blocking socket and a virtual thread per connection, on a free port.
 */
final class MisbehavingServer implements AutoCloseable {
    /** How the server answers the n-th {@code NUMBER} (from 1) of a connection. */
    enum Misbehaviour {
        /** The same guess every time: the second {@code NUMBER} of a game gets a repeat. */
        REPEATS_A_GUESS,
        /** The game's lower bound every time: a guess in range, repeated from the second {@code NUMBER} of a game. */
        REPEATS_THE_LOWER_BOUND,
        /** A guess far outside any small range. */
        OUT_OF_RANGE,
        /** {@code ERROR} instead of a guess. */
        ANSWERS_ERROR,
        /** A line that is neither a number nor an {@code ERROR} line. */
        ANSWERS_GIBBERISH,
        /** A line of 4096 digits, longer than any client reads as a reply. */
        ANSWERS_AN_OVERLONG_LINE,
        /** A line with a terminal escape sequence, a carriage return and a DEL in it. */
        ANSWERS_CONTROL_CHARACTERS,
        /** Two fresh guesses, then a clean close when the third {@code NUMBER} comes. */
        CLOSES_MID_GAME,
        /** Two fresh guesses, then a reset (linger 0) when the third {@code NUMBER} comes. */
        RESETS_MID_GAME,
        /** Reads everything and never answers. */
        NEVER_ANSWERS,
        /** Answers the first {@code NUMBER} of a connection, then nothing more. */
        STOPS_AFTER_ONE_GUESS,
        /** Plays properly (guessing lower, lower + 1, ...) except on the first connection, which stops after one guess. */
        SILENCES_ONE_CONNECTION,
    }

    private final ServerSocket listener;
    private final Misbehaviour misbehaviour;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    MisbehavingServer(Misbehaviour misbehaviour) throws IOException {
        this.misbehaviour = misbehaviour;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int accepted() {
        return sockets.size();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = listener.accept();
                sockets.add(socket);
                boolean first = sockets.size() == 1;
                Thread.ofVirtual().start(() -> serve(socket, first));
            }
        } catch (IOException closed) {
            // The test is over.
        }
    }

    private void serve(Socket socket, boolean first) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            int numbers = 0;
            long next = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("PARAMS ")) {
                    next = Long.parseLong(line.split(" ")[1]);
                }
                if (!line.equals("NUMBER")) {
                    continue;
                }
                numbers++;
                String reply = switch (misbehaviour) {
                    case REPEATS_A_GUESS -> "50";
                    case REPEATS_THE_LOWER_BOUND -> String.valueOf(next);
                    case OUT_OF_RANGE -> "1000000";
                    case ANSWERS_ERROR -> "ERROR no game in progress";
                    case ANSWERS_GIBBERISH -> "fifty";
                    case ANSWERS_AN_OVERLONG_LINE -> "7".repeat(4096);
                    case ANSWERS_CONTROL_CHARACTERS -> "\u001b[2Jfifty\rfive\u007f";
                    case CLOSES_MID_GAME, RESETS_MID_GAME -> numbers <= 2 ? String.valueOf(numbers) : null;
                    case NEVER_ANSWERS -> "";
                    case STOPS_AFTER_ONE_GUESS -> numbers == 1 ? "1" : "";
                    case SILENCES_ONE_CONNECTION -> first && numbers > 1 ? "" : String.valueOf(next++);
                };
                if (reply == null) {
                    if (misbehaviour == Misbehaviour.RESETS_MID_GAME) {
                        socket.setSoLinger(true, 0);
                    }
                    return;
                }
                if (!reply.isEmpty()) {
                    out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException gone) {
            // The client went away: nothing to do.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the acceptor stops");
        }
    }
}
