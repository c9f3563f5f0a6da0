package dev.hotcold.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static dev.hotcold.testkit.GameChecks.assertValidGame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.codec.LineFramer;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.session.ServerSession;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault suite every transport passes: hostile bytes, half-closes, resets, silent and
 * non-reading clients, floods past the connection limit and shutdown under load. Extend it as
 * the conformance suite is extended:
 *
 * <pre>{@code
 * class MyTransportFaultTest extends TransportFaultTest {
 *     protected Transport newTransport() { return new MyTransport(); }
 *     protected RawClient openRaw(SocketAddress address) throws IOException {
 *         return new SocketRawClient(address);
 *     }
 * }
 * }</pre>
 *
 * <p>Tests that need TCP itself (socket buffer sizes, resets, descriptors, the idle timeout) run
 * only where {@link #usesSockets()} says so. Every test captures what the server logs and fails
 * if a {@link Throwable} or a warning was logged: a client never causes a stack trace.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class TransportFaultTest {
    private static final long SEED = 10;
    private static final Duration TERMINATION = Duration.ofSeconds(20);
    private static final int WAIT_MILLIS = 20_000;
    private static final Set<String> ERROR_REPLIES = Arrays.stream(ErrorReason.values())
            .map(reason -> "ERROR " + reason.text())
            .collect(Collectors.toUnmodifiableSet());

    private Transport transport;
    private final List<GameServer> servers = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final LogCapture log = new LogCapture();

    /** For subclasses, one per transport; JUnit makes one instance per test. */
    public TransportFaultTest() {}

    /**
     * A fresh transport for each test; closed after it.
     *
     * @return the transport under test
     */
    protected abstract Transport newTransport();

    /**
     * Whether the suite runs over TLS: every server it starts serves with
     * {@link TestCertificates#serverTls()}, every client trusts the test CA, and raw clients are
     * {@link TlsRawClient}s. Socket transports run each suite twice, once plain and once with a
     * subclass that says {@code true}. {@code false} by default.
     *
     * @return {@code true} to run the suite over TLS
     */
    protected boolean overTls() {
        return false;
    }


    /**
     * A raw client connected to {@code address}.
     *
     * @param address the server's address
     * @return the connected client
     * @throws IOException if the client cannot connect
     */
    protected abstract RawClient openRaw(SocketAddress address) throws IOException;

    /** A raw client: {@link #openRaw}'s, or over TLS a {@link TlsRawClient} trusting the test CA. */
    private RawClient openClient(SocketAddress address) throws IOException {
        return transport instanceof TlsEverywhere tls ? new TlsRawClient(address, tls.clientTls()) : openRaw(address);
    }

    /**
     * Whether the transport's servers listen on TCP, so that tests may open plain sockets with
     * chosen buffer sizes, reset them and count descriptors; and whether it keeps an idle timeout.
     *
     * @return {@code true} for a TCP transport
     */
    protected boolean usesSockets() {
        return true;
    }

    @BeforeEach
    void start() {
        log.install();
        transport = overTls() ? new TlsEverywhere(newTransport(), TestCertificates.get()) : newTransport();
    }

    @AfterEach
    void closeEverything() throws Exception {
        try {
            for (AutoCloseable client : clients) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // Best effort: the test may have closed or broken it already.
                }
            }
            for (GameServer server : servers) {
                server.shutdownNow();
                assertTrue(server.awaitTermination(TERMINATION), "server terminates after shutdownNow");
            }
            transport.close();
        } finally {
            log.uninstall();
        }
        log.assertNoThrowableOrWarning();
    }

    // --- Helpers ------------------------------------------------------------------------------

    private GameServer serve(ServerConfig.Builder config) throws IOException {
        GameServer server = transport.serve(config.build());
        servers.add(server);
        return server;
    }

    private static ServerConfig.Builder config(GameListener listener) {
        return ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.random(SEED)).listener(listener);
    }

    private RawClient raw(GameServer server) throws IOException {
        RawClient client = openClient(server.address());
        clients.add(client);
        return client;
    }

    private GameConnection connect(GameServer server) throws IOException {
        GameConnection connection = transport.connect(server.address());
        clients.add(connection);
        return connection;
    }

    /**
     * A plain TCP client with the given buffer sizes, set before connecting so that the window
     * the peer sees is scaled to them.
     */
    private Socket socket(GameServer server, int receiveBuffer, int sendBuffer) throws IOException {
        Socket socket = new Socket();
        clients.add(socket);
        socket.setReceiveBufferSize(receiveBuffer);
        socket.setSendBufferSize(sendBuffer);
        socket.connect(server.address(), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /**
     * Makes the kernel send buffers of the server's open connections about {@code bytes} large,
     * so that replies back up in the server rather than in the kernel (loopback send buffers
     * grow to megabytes). Java offers no portable way to reach a server's accepted sockets, so by
     * default this does nothing and the test runs with the kernel's buffers; transports with a
     * test hook override it.
     *
     * @param server the server whose connections to change
     * @param bytes the send buffer size to ask for
     * @throws Exception if the hook fails
     */
    protected void shrinkServerSendBuffers(GameServer server, int bytes) throws Exception {}

    private void assumeSockets() {
        Assumptions.assumeTrue(usesSockets(), "needs a TCP transport");
        Assumptions.assumeFalse(overTls(), "writes raw TCP bytes; over TLS the TLS faults below stand in");
    }

    private static void assertIsReply(String line) {
        assertNotNull(line, "a reply, not the end of the stream");
        assertTrue(ERROR_REPLIES.contains(line) || line.matches("-?\\d{1,19}"),
                () -> "a number or ERROR <reason> of PROTOCOL.md: " + printable(line));
    }

    private static String printable(String line) {
        String cut = line.length() > 200 ? line.substring(0, 200) + "..." : line;
        return cut.chars().mapToObj(c -> c >= 32 && c < 127 ? Character.toString(c) : String.format("\\x%02x", c))
                .collect(Collectors.joining());
    }

    /** Open file descriptors of this process (Linux), after letting closed channels settle. */
    private static long openFileDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }

    /** What {@code input} should get, from a session of core fed all of it at once. */
    private static List<String> repliesOf(byte[] input, GuessStrategy strategy) {
        ServerSession session = new ServerSession(strategy, LineFramer.DEFAULT_MAX_LINE_LENGTH, false);
        ByteBuffer in = ByteBuffer.wrap(input);
        ByteBuffer out = ByteBuffer.allocate(64 * 1024);
        List<String> replies = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        while (in.hasRemaining()) {
            session.receive(in, out.clear());
            out.flip();
            while (out.hasRemaining()) {
                char c = (char) (out.get() & 0xff);
                if (c == '\n') {
                    replies.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
        return replies;
    }

    // --- Bad bytes ----------------------------------------------------------------------------

    /**
     * 12,500 generated inputs per family, 100,000 over the eight, pipelined into one connection
     * in chunks of random size. Each reply is a number or an {@code ERROR} of PROTOCOL.md, and
     * the replies are exactly those a session of core gives the same bytes, so none is lost or
     * reordered; meanwhile another client plays whole games.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(FaultInputs.class)
    void everyBadInputGetsANumberOrAnErrorAndOthersKeepPlaying(FaultInputs family) throws Exception {
        byte[] input = family.stream(SEED);
        // hotCold has no randomness: the server's sessions and this one guess alike.
        List<String> expected = repliesOf(input, GuessStrategy.hotCold());
        assertEquals("-76", expected.get(expected.size() - 1), "the stream ends with a one-number game");
        expected.forEach(TransportFaultTest::assertIsReply);

        GameServer server = serve(ServerConfig.loopback(0).toBuilder().strategy(GuessStrategy.hotCold()));
        RawClient fuzzer = raw(server);
        AtomicBoolean fuzzing = new AtomicBoolean(true);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> writer = threads.submit(() -> {
                SplittableRandom chunks = new SplittableRandom(SEED);
                for (int at = 0; at < input.length; ) {
                    int length = Math.min(input.length - at, 1 + chunks.nextInt(8192));
                    fuzzer.write(Arrays.copyOfRange(input, at, at + length));
                    at += length;
                }
                return null;
            });
            Future<Integer> player = threads.submit(() -> {
                int games = 0;
                do {
                    long secret = 1 + games % 1000;
                    try (GameConnection connection = transport.connect(server.address());
                         Game game = Game.start(connection, 1, 1000, secret)) {
                        assertValidGame(game.play(), 1, 1000, secret);
                    }
                    games++;
                } while (fuzzing.get());
                return games;
            });
            try {
                for (int i = 0; i < expected.size(); i++) {
                    String reply = fuzzer.readLine();
                    if (!expected.get(i).equals(reply)) {
                        assertIsReply(reply);
                        assertEquals(expected.get(i), reply, "reply " + i + " of " + expected.size());
                    }
                }
            } catch (Throwable failure) {
                fuzzer.abort();   // so that the writer does not wait for a reader that left
                throw failure;
            } finally {
                fuzzing.set(false);
            }
            writer.get(30, TimeUnit.SECONDS);
            assertTrue(player.get(30, TimeUnit.SECONDS) >= 1, "another client played whole games meanwhile");
        }
    }

    /** A strategy whose games fail (a bug in user code) costs the client a clear error, nothing more. */
    @Test
    void aStrategyThatThrowsGivesInternalErrorAndTheConnectionPlaysOn() throws Exception {
        GuessStrategy real = GuessStrategy.random(SEED);
        Guesser broken = mock(Guesser.class);
        when(broken.hasNext()).thenReturn(true);
        when(broken.next()).thenThrow(new IllegalStateException("guesser bug"));
        GuessStrategy strategy = mock(GuessStrategy.class);
        when(strategy.newGame(anyLong(), anyLong())).thenAnswer(call -> real.newGame(call.getArgument(0), call.getArgument(1)));
        when(strategy.newGame(eq(666L), anyLong())).thenThrow(new IllegalStateException("strategy bug"));
        when(strategy.newGame(eq(777L), anyLong())).thenReturn(broken);
        GameListener listener = mock(GameListener.class);
        GameServer server = serve(ServerConfig.loopback(0).toBuilder().strategy(strategy).listener(listener));
        RawClient client = raw(server);
        client.write("PARAMS 666 700\nPARAMS 777 800\nNUMBER\nPARAMS 5 5\nNUMBER\n".getBytes(US_ASCII));
        assertEquals("ERROR internal error", client.readLine());
        assertEquals("ERROR internal error", client.readLine());
        assertEquals("5", client.readLine(), "the connection plays on");
        verify(listener, timeout(WAIT_MILLIS).times(2)).onError(any(), eq(ErrorReason.INTERNAL_ERROR), any());
        verify(listener, never()).onError(any(), eq(ErrorReason.SERVER_BUSY), any());
        // A failing strategy is the server's bug, not the client's: it is logged (rate-limited,
        // so one or two records) and handed to the listener; nothing else is logged.
        List<LogRecord> failures = log.take(GuessStrategy.class.getName());
        assertTrue(!failures.isEmpty() && failures.size() <= 2, "the strategy's failure is logged: " + failures);
        failures.forEach(record -> assertTrue(record.getThrown() instanceof IllegalStateException, String.valueOf(record.getThrown())));
    }

    // --- Half-close ---------------------------------------------------------------------------

    /**
     * Small socket buffers and many owed replies, most of them {@code ERROR empty line} (17 bytes
     * for 1): when the server sees the client's end of input, replies are still waiting to be
     * written, and each one must arrive before the server closes. The client reads nothing until
     * it has shut its output.
     */
    @Test
    void aHalfClosedClientGetsEveryOwedReplyThenTheServerCloses() throws Exception {
        assumeSockets();
        int rounds = 600;
        int emptyLines = 19;
        GameListener listener = mock(GameListener.class);
        GameServer server = serve(config(listener));
        Socket socket = socket(server, 8 * 1024, 8 * 1024);
        verify(listener, timeout(WAIT_MILLIS)).onConnectionOpened(any());
        shrinkServerSendBuffers(server, 4 * 1024);
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write("PARAMS 1 1000000000\n".getBytes(US_ASCII));
                byte[] burst = ("NUMBER\n" + "\n".repeat(emptyLines)).repeat(100).getBytes(US_ASCII);
                for (int i = 0; i < rounds / 100; i++) {
                    out.write(burst);
                }
                out.write("CLEAR\nNUMBER\n".getBytes(US_ASCII));
                socket.shutdownOutput();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        sent.get(30, TimeUnit.SECONDS);   // the server's and the sockets' buffers take it all
        List<String> replies = readAll(socket.getInputStream());
        int owed = rounds * (1 + emptyLines) + 1;
        assertEquals(owed, replies.size(), "every owed reply arrives before the close");
        for (int i = 0; i < owed - 1; i++) {
            String reply = replies.get(i);
            boolean number = i % (1 + emptyLines) == 0;
            if (number ? !reply.matches("\\d+") : !reply.equals("ERROR empty line")) {
                throw new AssertionError("reply " + i + ": " + reply);
            }
        }
        assertEquals("ERROR no game in progress", replies.get(owed - 1), "the last command is answered too");
    }

    /** Every line until the end of the stream, which must come (the server closes). */
    private static List<String> readAll(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, US_ASCII);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "whole lines only");
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    // --- Resets, silence and descriptors ------------------------------------------------------

    @Test
    void resetsMidGameFreeEverything() throws Exception {
        assumeSockets();
        int resets = 20;
        GameListener listener = mock(GameListener.class);
        GameServer server = serve(config(listener));
        playOneGame(server);   // client-side resources of the transport exist before counting
        verify(listener, timeout(WAIT_MILLIS).times(1)).onConnectionClosed(any());
        long fdsBefore = openFileDescriptors();
        for (int i = 0; i < resets; i++) {
            Socket socket = socket(server, 64 * 1024, 64 * 1024);
            socket.getOutputStream().write("PARAMS 1 1000\nNUMBER\nREPORT Unsure\nNUMBER\n".getBytes(US_ASCII));
            byte[] firstReply = new byte[2];
            assertEquals(2, socket.getInputStream().readNBytes(firstReply, 0, 2), "the game is in play");
            socket.getOutputStream().write("NUMBER\nREPORT Colder\n".getBytes(US_ASCII));
            socket.setSoLinger(true, 0);
            socket.close();   // a TCP reset, mid-game, with replies in flight
        }
        verify(listener, timeout(WAIT_MILLIS).times(1 + resets)).onConnectionClosed(any());
        assertEquals(0, server.connectionCount());
        long fdsAfter = openFileDescriptors();
        assertTrue(fdsAfter <= fdsBefore, "descriptors: " + fdsBefore + " before the resets, " + fdsAfter + " after");
        playOneGame(server);
    }

    @Test
    void theIdleTimeoutClosesASilentClientAndSparesActiveOnes() throws Exception {
        assumeSockets();
        GameListener listener = mock(GameListener.class);
        GameServer server = serve(config(listener).idleTimeout(Duration.ofMillis(400)));
        playOneGame(server);
        verify(listener, timeout(WAIT_MILLIS).times(1)).onConnectionClosed(any());
        long fdsBefore = openFileDescriptors();
        RawClient active = raw(server);
        active.write("PARAMS 1 1000000000\n".getBytes(US_ASCII));
        Socket silent = socket(server, 64 * 1024, 64 * 1024);
        // A platform thread waits for the silent client's end: a virtual thread's blocking read
        // would open the JDK's poller descriptors on first use and skew the count below.
        CompletableFuture<Integer> silentEnd = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("silent-client-reader").start(() -> {
            try {
                silentEnd.complete(silent.getInputStream().read());
            } catch (IOException e) {
                silentEnd.completeExceptionally(e);
            }
        });
        // The active client keeps bytes moving until the server has hung up on the silent one.
        int roundTrips = 0;
        while (!silentEnd.isDone()) {
            active.write("NUMBER\n".getBytes(US_ASCII));
            assertIsReply(active.readLine());
            roundTrips++;
        }
        assertEquals(-1, silentEnd.get(), "the silent client is closed without a word");
        active.write("NUMBER\n".getBytes(US_ASCII));
        assertTrue(active.readLine().matches("\\d+"), "the active client, " + roundTrips + " round trips on, plays on");
        verify(listener, timeout(WAIT_MILLIS).times(2)).onConnectionClosed(any());
        assertEquals(1, server.connectionCount());
        silent.close();
        long fdsAfter = openFileDescriptors();
        // The active client's two ends remain; the silent one's server end is gone.
        assertTrue(fdsAfter <= fdsBefore + 2, "descriptors: " + fdsBefore + " before, " + fdsAfter + " after");
    }

    private void playOneGame(GameServer server) throws IOException {
        try (GameConnection connection = transport.connect(server.address());
             Game game = Game.start(connection, 1, 20, 7)) {
            assertValidGame(game.play(), 1, 20, 7);
        }
    }

    // --- A client that never reads ------------------------------------------------------------

    /**
     * The worst ratio of reply to request, an empty line, from a client that never reads: the
     * server stops reading it (TCP then stops the client), so what it holds stays bounded; other
     * clients play meanwhile, and when the client resets, everything is freed.
     */
    @Test
    void aClientThatNeverReadsIsHeldBackThenForgotten() throws Exception {
        assumeSockets();
        long limit = 64L << 20;   // would be 1 GiB of replies, were they all made
        GameListener listener = mock(GameListener.class);
        GameServer server = serve(config(listener));
        long accepted = 0;
        try (SocketChannel flooder = SocketChannel.open();
             Selector selector = Selector.open()) {
            flooder.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
            flooder.setOption(StandardSocketOptions.SO_SNDBUF, 16 * 1024);
            flooder.connect(server.address());
            flooder.configureBlocking(false);
            flooder.register(selector, SelectionKey.OP_WRITE);
            ByteBuffer emptyLines = ByteBuffer.wrap("\n".repeat(64 * 1024).getBytes(US_ASCII));
            // Write until the socket takes nothing for 2 s: the server no longer reads.
            while (accepted < limit) {
                emptyLines.clear();
                int written = flooder.write(emptyLines);
                accepted += written;
                if (written == 0 && selector.select(2_000) == 0) {
                    break;
                }
                selector.selectedKeys().clear();
            }
            assertTrue(accepted < 32L << 20, "the server stopped reading after " + accepted + " bytes");
            playOneGame(server);
            flooder.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        verify(listener, timeout(WAIT_MILLIS).times(2)).onConnectionClosed(any());
        assertEquals(0, server.connectionCount());
        playOneGame(server);
    }

    // --- Connection flood ---------------------------------------------------------------------

    @Test
    void aFloodPastTheLimitIsToldTheServerIsBusyWhileAdmittedClientsPlay() throws Exception {
        int limit = 8;
        int flood = 64;
        GameListener listener = mock(GameListener.class);
        GameServer server = serve(config(listener).maxConnections(limit));
        List<Iterator<Outcome>> rounds = new ArrayList<>();
        List<List<Outcome>> played = new ArrayList<>();
        List<Game> games = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            Game game = Game.start(connect(server), 1, 100, 1 + i);
            games.add(game);
            Iterator<Outcome> iterator = game.iterator();
            List<Outcome> outcomes = new ArrayList<>();
            outcomes.add(iterator.next());   // answered: admitted and in play
            rounds.add(iterator);
            played.add(outcomes);
        }
        verify(listener, timeout(WAIT_MILLIS).times(limit)).onConnectionOpened(any());
        List<String> refusals = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(flood);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> floodFutures = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                floodFutures.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    if (overTls()) {
                        refusals.add(Refusals.overTls(() -> openClient(server.address())));
                    } else {
                        try (RawClient excess = openClient(server.address())) {
                            refusals.add(excess.readLine() + " then " + excess.readLine());
                        }
                    }
                    return null;
                }));
            }
            // The admitted clients play their games to the end while the flood runs.
            for (int i = 0; i < limit; i++) {
                rounds.get(i).forEachRemaining(played.get(i)::add);
                assertTrue(server.connectionCount() <= limit, "the limit holds: " + server.connectionCount());
            }
            for (Future<?> future : floodFutures) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        for (int i = 0; i < limit; i++) {
            games.get(i).close();
            assertValidGame(played.get(i), 1, 100, 1 + i);
        }
        assertEquals(List.of(overTls() ? Refusals.CLOSED : "ERROR server busy then null"), refusals.stream().distinct().toList());
        assertEquals(flood, refusals.size());
        verify(listener, timeout(WAIT_MILLIS).times(limit)).onConnectionOpened(any());
    }

    // --- Shutdown under load ------------------------------------------------------------------

    /**
     * Shutdown with games in play and pipelined commands in flight: every command sent before
     * shutdown began is answered, every game in play finishes, new clients are turned away, and
     * the server terminates.
     */
    @Test
    void shutdownUnderLoadAnswersEveryCommandAndLetsGamesFinish() throws Exception {
        int players = 16;
        int pipelined = 5_000;
        GameListener listener = mock(GameListener.class);
        GameServer server = serve(config(listener));
        List<Iterator<Outcome>> rounds = new ArrayList<>();
        List<List<Outcome>> played = new ArrayList<>();
        List<Game> games = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            Game game = Game.start(connect(server), 1, 200, 1 + i);
            Iterator<Outcome> iterator = game.iterator();
            List<Outcome> outcomes = new ArrayList<>();
            outcomes.add(iterator.next());
            games.add(game);
            rounds.add(iterator);
            played.add(outcomes);
        }
        RawClient pipeliner = raw(server);
        pipeliner.write("PARAMS 1 1000000000\nNUMBER\n".getBytes(US_ASCII));
        assertIsReply(pipeliner.readLine());   // in play
        CompletableFuture<List<String>> pipelinedReplies = CompletableFuture.supplyAsync(() -> {
            List<String> replies = new ArrayList<>();
            try {
                String line;
                while ((line = pipeliner.readLine()) != null) {
                    replies.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return replies;
        }, Executors.newVirtualThreadPerTaskExecutor());
        pipeliner.write(("NUMBER\n".repeat(pipelined) + "CLEAR\n").getBytes(US_ASCII));

        server.shutdown();

        assertThrows(IOException.class, () -> {
            try (GameConnection late = transport.connect(server.address())) {
                late.send(new Command.Params(1, 5));
                late.send(Command.NumberRequest.INSTANCE);
                late.receive();
            }
        }, "no new games after shutdown");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> finishing = new ArrayList<>();
            for (int i = 0; i < players; i++) {
                int player = i;
                finishing.add(threads.submit(() -> {
                    rounds.get(player).forEachRemaining(played.get(player)::add);
                    games.get(player).close();
                    return null;
                }));
            }
            for (Future<?> future : finishing) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        for (int i = 0; i < players; i++) {
            assertValidGame(played.get(i), 1, 200, 1 + i);
        }
        List<String> replies = pipelinedReplies.get(30, TimeUnit.SECONDS);
        assertEquals(pipelined, replies.size(), "every pipelined NUMBER was answered before the close");
        replies.forEach(reply -> assertTrue(reply.matches("\\d+"), reply));
        assertTrue(server.awaitTermination(TERMINATION), "the server terminates once the games end");
        assertEquals(0, server.connectionCount());
        verify(listener, atLeast(players + 1)).onGameCleared(any());
    }

    // --- Log capture --------------------------------------------------------------------------

    /**
     * Listens to java.util.logging's root, where {@link System.Logger} output goes by default,
     * at every level while a test runs.
     */
    private static final class LogCapture extends Handler {
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();
        /** The thread each record was logged on: which loop, say. */
        private final Map<LogRecord, String> threads = new ConcurrentHashMap<>();
        private Level rootLevel;

        void install() {
            Logger root = Logger.getLogger("");
            rootLevel = root.getLevel();
            root.setLevel(Level.ALL);
            setLevel(Level.ALL);
            root.addHandler(this);
        }

        void uninstall() {
            Logger root = Logger.getLogger("");
            root.removeHandler(this);
            root.setLevel(rootLevel);
        }

        @Override
        public void publish(LogRecord record) {
            boolean ours = record.getLoggerName() != null && record.getLoggerName().startsWith("dev.hotcold");
            if ((ours && record.getThrown() != null) || record.getLevel().intValue() >= Level.WARNING.intValue()) {
                threads.put(record, Thread.currentThread().getName());
                records.add(record);
            }
        }

        /** Removes and returns the records of {@code loggerName}: those a test expects. */
        List<LogRecord> take(String loggerName) {
            List<LogRecord> taken = records.stream().filter(r -> loggerName.equals(r.getLoggerName())).toList();
            records.removeAll(taken);
            return taken;
        }

        void assertNoThrowableOrWarning() {
            List<String> seen = records.stream()
                    .map(r -> r.getLevel() + " " + r.getLoggerName() + " on " + threads.get(r) + ": " + r.getMessage()
                            + (r.getThrown() == null ? "" : " " + r.getThrown()))
                    .toList();
            // The first record's stack, where it names one: a stray warning is found from it.
            String where = records.stream().filter(r -> r.getThrown() != null).findFirst()
                    .map(r -> stackOf(r.getThrown())).orElse("");
            assertEquals(List.of(), seen, () -> "nothing logged a stack trace or a warning" + where);
        }

        private static String stackOf(Throwable thrown) {
            StringWriter text = new StringWriter();
            thrown.printStackTrace(new PrintWriter(text));
            return "\n" + text;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
