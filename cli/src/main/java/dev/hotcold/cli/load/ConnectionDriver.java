package dev.hotcold.cli.load;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.ClientGame;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.client.ReplyListener;
import dev.hotcold.core.engine.GuessHistory;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.scoring.Scorer;
import java.net.SocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection of a load run: connects, then plays games on [1, range] with random secrets
 * for as long as the run lasts, one {@code NUMBER} in flight, reporting on each guess as the
 * book's client does (with core's {@link Scorer}, as {@code ClientGame} does: the reply is
 * checked here already, so the driver scores it directly and makes no outcome object per round
 * trip), then {@code CLEAR} and a new game. It is the connection's {@link ReplyListener} and sends
 * with {@link AsyncGameConnection#post}, so on NIO's client a round trip makes no object (no stage,
 * no reply record, no scorer: one serves all the connection's games).
 *
 * <p>Every reply is checked: a number, in the range, not guessed before in the game. The first
 * thing that goes wrong is counted by its {@link ErrorKind} and ends the connection, because a
 * game the server has broken cannot be scored further.
 *
 * <p>While the run is connecting, a connection that has its first reply holds (does not report
 * on it yet) until the run {@linkplain #release() releases} every connection at once: a
 * connection's first answer then shows the server accepted it, quickly, without queueing behind
 * the games of connections that came earlier. Replies arrive on the transport's client
 * loop, and so do the client's timeouts: a server that keeps the connection waiting past the
 * reply timeout fails its reply with a timeout there. The run's thread only gives up on
 * connections still connecting when the connect phase ends, and on those still waiting when the
 * run ends; the state's compare-and-set decides who counts an ending, so each connection counts
 * at most one error.
 */
final class ConnectionDriver implements ReplyListener {
    private static final int CONNECTING = 0;
    private static final int PLAYING = 1;
    private static final int DONE = 2;
    private static final int NOT_HELD = 0;
    private static final int HELD = 1;

    private final LoadStats stats;
    private final RunSignals signals;
    private final long range;
    private final SplittableRandom random;
    private final Command.Params params;
    private final GuessHistory seen = new GuessHistory(ClientGame.MAX_CHECKED_GUESSES);
    private final AtomicInteger state = new AtomicInteger(CONNECTING);
    private final AtomicBoolean settled = new AtomicBoolean();
    /** Whether the connection waits, its first reply scored, for the run to release it. */
    private final AtomicInteger hold = new AtomicInteger(NOT_HELD);
    private Decision held;
    private volatile AsyncGameConnection connection;
    /** When the request now outstanding (the connect, then each NUMBER) went out, in nanoTime. */
    private volatile long waitingSince;
    /** The current game's secret and the distance of the last guess. */
    private final Scorer scorer = new Scorer(0);
    // A reply already here is delivered inside receive(); these turn that recursion into a loop,
    // so a server that sends lines ahead cannot grow the stack. A queued guess needs no object.
    private boolean delivering;
    private boolean hasQueued;
    private long queuedGuess;
    private Reply queuedReply;
    private Throwable queuedFailure;

    ConnectionDriver(LoadStats stats, RunSignals signals, long range, SplittableRandom random) {
        this.stats = stats;
        this.signals = signals;
        this.range = range;
        this.random = random;
        this.params = new Command.Params(1, range);
    }

    /** Opens the connection with {@code client}, whose timeouts it keeps; the first game starts once it is up. */
    void start(GameClient client, SocketAddress address) {
        waitingSince = System.nanoTime();
        client.connectAsync(address).whenComplete(this::connected);
    }

    private void connected(AsyncGameConnection opened, Throwable failure) {
        if (failure != null) {
            if (state.compareAndSet(CONNECTING, DONE)) {
                count(ErrorKind.ofConnectFailure(failure));
                settle();
            }
            return;
        }
        connection = opened;
        if (!state.compareAndSet(CONNECTING, PLAYING)) {
            opened.close();   // the connect phase gave up on this one already
            return;
        }
        newGame(opened);
        waitingSince = System.nanoTime();
        opened.receive(this);
    }

    @Override
    public void onGuess(long number) {
        deliver(number, null, null);
    }

    @Override
    public void onOtherReply(Reply reply) {
        deliver(0, reply, null);
    }

    @Override
    public void onFailure(Throwable failure) {
        deliver(0, null, failure);
    }

    /** A guess (when {@code other} and {@code failure} are null), another reply, or a failure. */
    private void deliver(long guess, Reply other, Throwable failure) {
        if (delivering) {
            hasQueued = true;
            queuedGuess = guess;
            queuedReply = other;
            queuedFailure = failure;
            return;
        }
        delivering = true;
        try {
            onReply(guess, other, failure);
            while (hasQueued) {
                hasQueued = false;
                Reply nextOther = queuedReply;
                Throwable nextFailure = queuedFailure;
                queuedReply = null;
                queuedFailure = null;
                onReply(queuedGuess, nextOther, nextFailure);
            }
        } finally {
            delivering = false;
        }
    }

    private void onReply(long guess, Reply other, Throwable failure) {
        if (state.get() != PLAYING) {
            return;   // ended by a check, a timeout or the end of the run; its close fails this
        }
        long now = System.nanoTime();
        if (failure != null) {
            end(ErrorKind.ofConnectionFailure(failure));
            return;
        }
        ErrorKind wrong = other != null ? check(other) : check(guess);
        if (wrong != null) {
            end(wrong);
            return;
        }
        stats.roundTrip(now - waitingSince);
        Decision decision = scorer.score(guess);
        if (!signals.isReleased()) {
            // Connecting: hold here until every connection is up, so that games already going do
            // not slow down the first answers of the connections still coming in.
            held = decision;
            hold.set(HELD);
            settle();   // after counting and holding, so the run sees both once all have settled
            if (signals.isReleased()) {
                release();   // released while holding: whoever wins the compare-and-set goes on
            }
            return;
        }
        settle();
        playOn(decision, now);
    }

    /** Goes on after a connect-phase hold; called once the run releases the connections. */
    void release() {
        if (hold.compareAndSet(HELD, NOT_HELD)) {
            Decision decision = held;
            held = null;
            playOn(decision, System.nanoTime());
        }
    }

    /**
     * Reports {@code decision} and asks for the next guess, in a new game if it was correct. The
     * commands are buffered by the transport and leave in one write, as the book's client's
     * {@code REPORT} and {@code NUMBER} do.
     */
    private void playOn(Decision decision, long now) {
        AsyncGameConnection open = connection;
        open.post(Command.Report.of(decision));
        if (decision == Decision.CORRECT) {
            stats.gameWon();
            open.post(Command.Clear.INSTANCE);
            newGame(open);
        } else {
            open.post(Command.NumberRequest.INSTANCE);
        }
        waitingSince = now;
        open.receive(this);
    }

    /** What is wrong with the reply to {@code NUMBER}, or null if it is a fresh guess in range. */
    private ErrorKind check(Reply reply) {
        return switch (reply) {
            case Reply.Error ignored -> ErrorKind.SERVER_ERROR;
            case Reply.Unreadable ignored -> ErrorKind.UNREADABLE;
            case Reply.Guess(long number) -> check(number);
        };
    }

    /** What is wrong with the guess {@code number}, or null if it is fresh and in range. */
    private ErrorKind check(long number) {
        if (number < 1 || number > range) {
            return ErrorKind.OUT_OF_RANGE;
        }
        return seen.add(number) == GuessHistory.Result.REPEATED ? ErrorKind.REPEAT : null;
    }

    private void newGame(AsyncGameConnection open) {
        scorer.restart(1 + random.nextLong(range));
        seen.reset(1, range);
        open.post(params);
        open.post(Command.NumberRequest.INSTANCE);
    }

    /**
     * Ends the connection with a timeout if it is still playing and its request went out before
     * {@code cutoff} (a nanoTime). Called from the run's thread when the run ends.
     *
     * @return whether this call ended it
     */
    boolean timeOutIfWaitingSince(long cutoff) {
        if (state.get() == PLAYING && hold.get() == NOT_HELD && waitingSince - cutoff < 0) {
            return end(ErrorKind.TIMEOUT);
        }
        return false;
    }

    /** Gives up on a connection that is not yet up, counting a connect timeout. */
    boolean abandonIfConnecting() {
        if (state.compareAndSet(CONNECTING, DONE)) {
            count(ErrorKind.CONNECT_TIMEOUT);
            settle();
            return true;
        }
        return false;
    }

    boolean isPlaying() {
        return state.get() == PLAYING;
    }

    /** How long the request now outstanding has waited, in nanoseconds. */
    long waitingNanos(long now) {
        return now - waitingSince;
    }

    /** Closes the connection without counting anything: the run is over. */
    void stop() {
        if (state.getAndSet(DONE) == PLAYING) {
            connection.close();
        }
    }

    private boolean end(ErrorKind kind) {
        if (!state.compareAndSet(PLAYING, DONE)) {
            return false;
        }
        count(kind);
        connection.close();
        settle();
        return true;
    }

    private void count(ErrorKind kind) {
        if (!signals.isOver()) {
            stats.error(kind);   // after the end, failures are our own closing, not the server's
        }
    }

    /** The first reply, or the end: either way this connection no longer holds a connect slot. */
    private void settle() {
        if (!settled.get() && settled.compareAndSet(false, true)) {
            signals.settled();
        }
    }
}
