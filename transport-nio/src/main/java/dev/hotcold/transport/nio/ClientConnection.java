package dev.hotcold.transport.nio;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientOptions;
import dev.hotcold.core.client.ClientDeadline;
import dev.hotcold.core.client.ReplyListener;
import dev.hotcold.core.codec.ReplyReader;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.spi.CompletingThread;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An asynchronous client connection owned by a {@link ClientLoop}. All its state is touched on
 * the loop thread only: calls from other threads become loop tasks.
 *
 * <p>Replies that arrive while nobody waits are kept, up to {@link #MAX_UNCLAIMED_REPLIES}; past
 * that the loop stops reading from the socket until they are claimed, so a server that talks too
 * much cannot grow the client's memory.
 *
 * <p>Timeouts ({@link ClientOptions}) are the connection's {@link ClientDeadline}: it runs while
 * connecting, and while the connection waits on the server (for a reply, or for it to take
 * unsent commands), starting anew whenever a byte moves either way; when it runs out the
 * connection fails with a {@link dev.hotcold.core.client.ClientTimeoutException}. {@link #close()}
 * lets unsent commands go out first, within the same reply timeout.
 *
 * <p>Stages complete on the loop thread, so a blocking call made there (in a stage's callback)
 * fails at once: see {@link CompletingThread}.
 *
 * <p>A receive waits as a {@link ReplyListener}: a {@link #receive()} stage is one too. Replies
 * are read in place ({@link ReplyReader#read}), so a guess delivered to a listener of
 * {@link #receive(ReplyListener)} makes no object; neither does a send taken on the loop, whose
 * stage is one shared completed stage that nobody can complete again, nor a {@link #post}. A
 * listener that throws fails the connection, with what it threw as the cause.
 */
final class ClientConnection implements AsyncGameConnection, CompletingThread {
    private static final System.Logger LOG = System.getLogger(ClientConnection.class.getName());
    static final int MAX_UNCLAIMED_REPLIES = 1024;

    /** Above this many unsent bytes, sends complete only once the socket has taken more. */
    static final int SEND_HIGH_WATER = 64 * 1024;

    private final ClientLoop loop;
    private final SocketChannel channel;
    private final ClientDeadline deadline;
    private final CompletableFuture<AsyncGameConnection> connected;
    private final ReplyReader replies = new ReplyReader();
    /** The send taken into the buffer: immutable (a minimal stage), so one serves every send. */
    private static final CompletionStage<Void> TAKEN = CompletableFuture.completedStage(null);

    private final ArrayDeque<ReplyListener> waiting = new ArrayDeque<>();
    private final ArrayDeque<Reply> unclaimed = new ArrayDeque<>();
    private final OutboundBuffer unsent = new OutboundBuffer();
    private final ByteBuffer commands = ByteBuffer.allocate(512);
    private final ArrayDeque<CompletableFuture<Void>> sends = new ArrayDeque<>();
    /** Bytes of the read buffer this connection has not framed yet, kept while reading is paused. */
    private ByteBuffer leftover;
    private boolean flushScheduled;
    private boolean connecting = true;
    /** Closing: no new calls; what is unsent still goes out, then the connection fails closed. */
    private boolean closing;
    private IOException failure;
    /** Set by {@link #close()} on the caller's thread, so that later sends fail at once. */
    private volatile boolean closedByClient;
    SelectionKey key;

    ClientConnection(ClientLoop loop, SocketChannel channel, SocketAddress address, ClientOptions options,
            CompletableFuture<AsyncGameConnection> connected) {
        this.loop = loop;
        this.channel = channel;
        this.connected = connected;
        this.deadline = new ClientDeadline(options, address, () -> loop.execute(this::timedOut));
        deadline.enter(ClientDeadline.Wait.CONNECT);
    }

    /** Blocking on the loop thread would wait for the loop itself. */
    @Override
    public boolean isCompletingThread() {
        return loop.inLoop();
    }

    void finishConnect() throws IOException {
        if (!channel.finishConnect()) {
            return;   // not yet: OP_CONNECT fires again
        }
        connected();
        key.interestOps(SelectionKey.OP_READ);
        connected.complete(this);
    }

    /** The connection is established. */
    void connected() {
        connecting = false;
        deadline.exit();
    }

    /** The deadline ran out. On the loop. */
    private void timedOut() {
        fail(deadline.exception());
    }

    /**
     * Keeps the deadline running exactly while the connection waits on the server: for a reply,
     * or for it to take commands. {@code moved}: a byte moved, so a running wait starts anew.
     */
    private void updateDeadline(boolean moved) {
        if (failure != null || connecting) {
            return;
        }
        if (waiting.isEmpty() && sends.isEmpty() && unsent.isEmpty() && !flushScheduled) {
            deadline.exit();
            return;
        }
        ClientDeadline.Wait wait = waiting.isEmpty() ? ClientDeadline.Wait.SEND : ClientDeadline.Wait.REPLY;
        if (moved) {
            deadline.restart(wait);
        } else {
            deadline.enter(wait);
        }
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        if (closedByClient) {
            // Fails at once, as on every transport, rather than when the loop gets to it.
            return CompletableFuture.failedFuture(new IOException("connection is closed"));
        }
        if (loop.inLoop()) {
            // A callback of an earlier stage: no task to make or hand over.
            return sendOnLoop(command, null);
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        loop.submit(() -> sendOnLoop(command, sent));
        return sent;
    }

    /**
     * Buffers {@code command} for this round's flush. {@code sent} is the stage a caller on
     * another thread already holds, or null on the loop, where the stage is made here.
     */
    private CompletionStage<Void> sendOnLoop(Command command, CompletableFuture<Void> sent) {
        if (failure != null || closing) {
            IOException cause = failure != null ? failure : new IOException("connection is closed");
            if (sent == null) {
                return CompletableFuture.failedFuture(cause);
            }
            sent.completeExceptionally(cause);
            return sent;
        }
        buffer(command);
        // Taken into the buffer: done, unless too much waits already. Completing at once lets
        // a callback's next command join this one in the same write.
        if (unsent.size() < SEND_HIGH_WATER) {
            if (sent == null) {
                return TAKEN;
            }
            sent.complete(null);
            return sent;
        }
        if (sent == null) {
            sent = new CompletableFuture<>();
        }
        sends.add(sent);
        updateDeadline(false);
        return sent;
    }

    /**
     * Sends without a stage: buffered for this round's flush whatever waits already, as the
     * caller waits on replies. On a failed or closed connection it does nothing: the next
     * receive fails.
     */
    @Override
    public void post(Command command) {
        if (closedByClient) {
            return;
        }
        if (loop.inLoop()) {
            postOnLoop(command);
        } else {
            loop.submit(() -> postOnLoop(command));
        }
    }

    private void postOnLoop(Command command) {
        if (failure == null && !closing) {
            buffer(command);
        }
    }

    /** Writes {@code command} into this round's buffer and makes sure a flush comes. */
    private void buffer(Command command) {
        if (commands.remaining() < Wire.MAX_COMMAND_BYTES) {
            unsent.append(commands.flip());
            commands.clear();
        }
        Wire.writeCommand(commands, command);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.scheduleFlush(this);
            updateDeadline(false);
        }
    }

    @Override
    public CompletionStage<Reply> receive() {
        ReplyStage stage = new ReplyStage();
        receive(stage);
        return stage;
    }

    @Override
    public void receive(ReplyListener listener) {
        if (loop.inLoop()) {
            receiveOnLoop(listener);
        } else {
            loop.submit(() -> receiveOnLoop(listener));
        }
    }

    /** Gives {@code listener} the next reply: one kept already, or the next to arrive. */
    private void receiveOnLoop(ReplyListener listener) {
        Reply ready = unclaimed.poll();
        if (ready != null) {
            resumeReadingIfPaused();
            try {
                listener.onReply(ready);
            } catch (Throwable thrown) {
                listenerThrew(thrown);
            }
        } else if (failure != null || closing) {
            tellFailure(listener, failure != null ? failure : new IOException("connection is closed"));
        } else {
            waiting.add(listener);
            updateDeadline(false);
        }
    }

    /** A listener threw: that ends the connection, with what it threw as the cause. */
    private void listenerThrew(Throwable thrown) {
        fail(new IOException("a reply listener threw " + thrown, thrown));
    }

    /** Tells {@code listener} the connection failed; what it throws then has nothing left to end. */
    private static void tellFailure(ReplyListener listener, IOException cause) {
        try {
            listener.onFailure(cause);
        } catch (Throwable thrown) {
            LOG.log(Level.WARNING, "a reply listener threw on being told the connection failed", thrown);
        }
    }

    /** A {@link #receive()} stage: the listener that completes it. */
    private static final class ReplyStage extends CompletableFuture<Reply> implements ReplyListener {
        @Override
        public void onGuess(long number) {
            complete(new Reply.Guess(number));
        }

        @Override
        public void onOtherReply(Reply reply) {
            complete(reply);
        }

        @Override
        public void onReply(Reply reply) {
            complete(reply);
        }

        @Override
        public void onFailure(Throwable failure) {
            completeExceptionally(failure);
        }
    }

    /** Writes buffered commands; what the socket does not take waits for OP_WRITE. */
    void flush() throws IOException {
        flushScheduled = false;
        if (failure != null) {
            return;
        }
        commands.flip();
        int written = 0;
        if (!unsent.isEmpty()) {
            // Bytes wait already: these go after them.
            unsent.append(commands);
            written = unsent.writeTo(channel);
        } else if (commands.hasRemaining()) {
            // Write first, as the server does: only what the socket does not take is copied.
            written = channel.write(commands);
            if (commands.hasRemaining()) {
                unsent.append(commands);
            }
        }
        commands.clear();
        if (closing && unsent.isEmpty()) {
            fail(new IOException("connection is closed"));
            return;
        }
        if (unsent.size() < SEND_HIGH_WATER) {
            CompletableFuture<Void> sent;
            while ((sent = sends.poll()) != null) {
                sent.complete(null);
            }
        }
        updateInterest();
        updateDeadline(written > 0);   // the server took bytes: a running wait starts anew
    }

    void read() throws IOException {
        ByteBuffer in = loop.readBuffer().clear();
        int read = channel.read(in);
        if (read < 0) {
            fail(new EOFException(replies.startedLikeTls()
                    ? "connection closed by the server, whose bytes were TLS: connect with TLS"
                    : "connection closed by the server"));
            return;
        }
        in.flip();
        deliver(in);
        updateDeadline(true);   // the server talks: a running wait starts anew
    }

    private void deliver(ByteBuffer in) {
        ReplyReader.Line line;
        while (failure == null && unclaimed.size() < MAX_UNCLAIMED_REPLIES
                && (line = replies.read(in)) != ReplyReader.Line.NEED_MORE_BYTES) {
            boolean guess = line == ReplyReader.Line.GUESS;
            ReplyListener next = waiting.poll();
            if (next == null) {
                unclaimed.add(guess ? new Reply.Guess(replies.guess()) : replies.otherReply());
                continue;
            }
            try {
                if (guess) {
                    next.onGuess(replies.guess());
                } else {
                    next.onOtherReply(replies.otherReply());
                }
            } catch (Throwable thrown) {
                listenerThrew(thrown);
            }
        }
        if (failure == null && in.hasRemaining()) {
            // Too many replies nobody asked for: keep the rest and stop reading for now.
            leftover = ByteBuffer.allocate(in.remaining()).put(in).flip();
            updateInterest();
        }
    }

    private void resumeReadingIfPaused() {
        if (leftover != null && unclaimed.size() < MAX_UNCLAIMED_REPLIES) {
            ByteBuffer rest = leftover;
            leftover = null;
            deliver(rest);
            updateInterest();
        }
    }

    private void updateInterest() {
        if (failure != null || !key.isValid()) {
            return;
        }
        int ops = (leftover == null ? SelectionKey.OP_READ : 0) | (unsent.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Ends the connection with {@code cause}: every stage still open fails with it. */
    void fail(IOException cause) {
        if (failure != null) {
            return;
        }
        failure = cause;
        deadline.close();
        if (key != null) {
            key.cancel();
        }
        ClientLoop.closeQuietly(channel);
        connected.completeExceptionally(cause);
        unsent.clear();
        CompletableFuture<Void> sent;
        while ((sent = sends.poll()) != null) {
            sent.completeExceptionally(cause);
        }
        ReplyListener listener;
        while ((listener = waiting.poll()) != null) {
            tellFailure(listener, cause);
        }
    }

    /**
     * Refuses new calls and fails waiting receives at once; commands sent before go out, then the
     * socket closes, at the latest a reply timeout after the server stopped taking bytes.
     */
    @Override
    public void close() {
        closedByClient = true;
        loop.execute(() -> {
            if (failure != null || closing) {
                return;
            }
            closing = true;
            IOException closed = new IOException("connection is closed");
            ReplyListener listener;
            while ((listener = waiting.poll()) != null) {
                tellFailure(listener, closed);
            }
            if (connecting) {
                fail(closed);
                return;
            }
            try {
                flush();   // fails the connection as closed once all is out, else OP_WRITE goes on
            } catch (IOException e) {
                fail(e);
            }
        });
    }
}
