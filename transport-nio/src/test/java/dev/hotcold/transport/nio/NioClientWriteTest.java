package dev.hotcold.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client writes first and keeps only what the socket leaves: whether the socket takes every
 * byte or stalls, the server gets the commands whole and in order, sent from the loop thread (a
 * callback) as from any other.
 */
@Timeout(60)
class NioClientWriteTest {
    private static final long UPPER_OFFSET = 1_000_000_000_000L;

    /**
     * About 5 MB of commands while the server reads nothing, into a small receive buffer: more than
     * the socket buffers hold, so writes stall, leftovers are kept and later commands queue behind
     * them, then drain as the server reads.
     */
    @Test
    void commandsSentWhileTheSocketStallsArriveWholeAndInOrder() throws Exception {
        int commands = 200_000;
        try (ServerSocket listener = listener();
             NioTransport transport = new NioTransport()) {
            AsyncGameConnection connection = connect(transport, listener);
            try (Socket server = listener.accept()) {
                List<CompletableFuture<Void>> sent = new ArrayList<>(commands);
                for (int i = 0; i < commands; i++) {
                    sent.add(connection.send(new Command.Params(i, i + UPPER_OFFSET)).toCompletableFuture());
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
                for (int i = 0; i < commands; i++) {
                    String line = in.readLine();
                    if (!("PARAMS " + i + " " + (i + UPPER_OFFSET)).equals(line)) {
                        assertEquals("PARAMS " + i + " " + (i + UPPER_OFFSET), line, "line " + i);
                    }
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            } finally {
                connection.close();
            }
        }
    }

    /**
     * Every send and receive after the first comes from a reply's callback, on the loop thread:
     * {@code REPORT} and the next {@code NUMBER} go out in order and each reply reaches the
     * receive made for it.
     */
    @Test
    void sendsAndReceivesFromCallbacksOnTheLoopKeepTheirOrder() throws Exception {
        int rounds = 2_000;
        try (ServerSocket listener = listener();
             NioTransport transport = new NioTransport()) {
            AsyncGameConnection connection = connect(transport, listener);
            try (Socket server = listener.accept()) {
                CompletableFuture<String> serverSaw = CompletableFuture.supplyAsync(() -> answerEachNumber(server));
                Player player = new Player(connection, rounds);
                connection.send(Command.NumberRequest.INSTANCE);
                connection.receive().whenComplete(player::onReply);
                List<Long> numbers = player.done.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < rounds; i++) {
                    assertEquals(i + 1, numbers.get(i), "reply " + i);
                }
                connection.close();
                assertNull(serverSaw.get(30, TimeUnit.SECONDS), "what the server found wrong");
            } finally {
                connection.close();
            }
        }
    }

    /** Plays {@code rounds} rounds from callbacks: on each reply, REPORT and NUMBER, then receive. */
    private static final class Player {
        final CompletableFuture<List<Long>> done = new CompletableFuture<>();
        private final List<Long> seen = new ArrayList<>();
        private final AsyncGameConnection connection;
        private final int rounds;

        Player(AsyncGameConnection connection, int rounds) {
            this.connection = connection;
            this.rounds = rounds;
        }

        void onReply(Reply reply, Throwable failure) {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            seen.add(((Reply.Guess) reply).number());
            if (seen.size() == rounds) {
                done.complete(seen);
                return;
            }
            connection.send(Command.Report.of(Decision.WARMER)).whenComplete((ignored, sendFailure) -> {
                if (sendFailure != null) {
                    done.completeExceptionally(sendFailure);
                }
            });
            connection.send(Command.NumberRequest.INSTANCE);
            connection.receive().whenComplete(this::onReply);
        }
    }

    /**
     * Answers the n-th {@code NUMBER} with n until the client closes.
     *
     * @return null, or what was out of order
     */
    private static String answerEachNumber(Socket server) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = server.getOutputStream();
            long numbers = 0;
            boolean reportDue = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("NUMBER") && !reportDue) {
                    numbers++;
                    reportDue = true;
                    out.write((numbers + "\n").getBytes(StandardCharsets.US_ASCII));
                } else if (line.equals("REPORT Warmer") && reportDue) {
                    reportDue = false;
                } else {
                    return "'" + line + "' after " + numbers + " NUMBERs";
                }
            }
            return null;
        } catch (IOException e) {
            return "server side failed: " + e;
        }
    }

    private static ServerSocket listener() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReceiveBufferSize(8 * 1024);   // inherited by the accepted socket: stalls come soon
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        return listener;
    }

    private static AsyncGameConnection connect(NioTransport transport, ServerSocket listener) throws Exception {
        return transport.connectAsync(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()),
                ClientOptions.defaults()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
