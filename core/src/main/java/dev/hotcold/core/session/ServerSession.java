package dev.hotcold.core.session;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.spi.ProvenStrategy;
import dev.hotcold.core.spi.LineFramer;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.spi.CommandParser;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.protocol.InvalidLine;
import dev.hotcold.core.protocol.ParsedLine;
import dev.hotcold.core.spi.Wire;
import dev.hotcold.core.spi.IsolatedListener;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's side of one connection, sans-I/O: bytes from the client in, reply bytes out. It
 * never reads a socket, starts a thread, sleeps or reads a clock; transports move the bytes.
 *
 * <p>It plays the protocol as PROTOCOL.md states it: {@code PARAMS} starts a game, {@code NUMBER} is answered
 * with a guess the game has not made before (the secret itself once a guess was reported
 * {@code Correct}), {@code REPORT} records the client's verdict on the last guess, {@code CLEAR}
 * ends the game. Whatever the input, it answers a reply or {@code ERROR <reason>} and carries
 * on: no input makes it throw. A rejected command changes nothing.
 *
 * <pre>{@code
 * ServerSession session = new ServerSession(GuessStrategy.random(7), GameListener.NONE,
 *         LineFramer.DEFAULT_MAX_LINE_LENGTH);
 * ByteBuffer out = ByteBuffer.allocate(4096);
 * session.receive(ByteBuffer.wrap("PARAMS 1 5\nNUMBER\n".getBytes(US_ASCII)), out);
 * // out now holds one line: a guess in [1, 5]
 * }</pre>
 *
 * <p>It keeps the protocol's promise that no number is guessed twice in a game and every guess is
 * in the range, whatever the strategy: a guess that breaks it is answered
 * {@code ERROR internal error} instead. Core's own strategies ({@link GuessStrategy#random()},
 * {@link GuessStrategy#hotCold()}) are proven by their tests and trusted, in O(1) memory. For
 * any other strategy the session remembers the game's guesses, at most 4096 of them (64 KiB);
 * past that many the game's {@code NUMBER}s answer {@code ERROR internal error}.
 *
 * <p>Its memory is otherwise a few fields, the guesser's and a partial line. One per connection;
 * not thread-safe.
 */
public final class ServerSession {
    private final GuessStrategy strategy;
    private final GameListener listener;
    private final ConnectionInfo connection;
    private final LineFramer framer;
    /** Whether the strategy is one of core's, proven by its tests never to repeat or leave the range. */
    private final boolean provenStrategy;
    /** The current game's guesses, for a strategy the session cannot vouch for; made on first use. */
    private GuessLog guesses;

    /** The current game's guesser, or null between games. */
    private Guesser guesser;
    private long lower;
    private long upper;
    /** The last guess sent, and whether the client has yet to report on it. */
    private long lastGuess;
    private boolean guessOutstanding;
    /** Set once a guess is reported Correct: from then on every NUMBER gets the secret. */
    private boolean solved;
    /** Set by {@link #finishAfterGame()}: take no input once no game is in play. */
    private boolean finishing;
    /** What the guesser threw on a report: every NUMBER of the game answers an error since. */
    private RuntimeException guesserFailure;

    /**
     * A session outside any server; its listener events name {@link ConnectionInfo#DETACHED}.
     *
     * @param strategy picks the guesses of each game
     * @param listener hears about reports, games and errors
     * @param maxLineLength the longest line accepted, terminator excluded; longer ones get
     *     {@code ERROR line too long}
     */
    public ServerSession(GuessStrategy strategy, GameListener listener, int maxLineLength) {
        this(strategy, listener, maxLineLength, ConnectionInfo.DETACHED);
    }

    /**
     * A session for {@code connection}: the listener's events name it. What the listener throws
     * is logged and ignored, so that it never breaks the session.
     *
     * @param strategy picks the guesses of each game
     * @param listener hears about reports, games and errors
     * @param maxLineLength the longest line accepted, terminator excluded; longer ones get
     *     {@code ERROR line too long}
     * @param connection the connection this session serves, named in the listener's events
     */
    public ServerSession(GuessStrategy strategy, GameListener listener, int maxLineLength, ConnectionInfo connection) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.listener = IsolatedListener.of(Objects.requireNonNull(listener, "listener"));
        this.connection = Objects.requireNonNull(connection, "connection");
        this.framer = new LineFramer(maxLineLength);
        this.provenStrategy = isCoresOwn(strategy);
    }

    /** Whether {@code strategy} is one of core's own, whose guesses need no checking. */
    private static boolean isCoresOwn(GuessStrategy strategy) {
        return strategy instanceof ProvenStrategy;
    }

    /**
     * Consumes client bytes from {@code in} and writes the replies to {@code out}, until {@code in}
     * is empty, {@code out} has less than {@link Wire#MAX_REPLY_BYTES} left, or the session
     * {@linkplain #isFinished() finished}. When {@code out} filled up, the caller sends what it
     * holds and calls again with the rest of {@code in}: a session never produces more output than
     * the caller has room for.
     *
     * @return true if all of {@code in} was consumed
     * @param in the client's bytes; read from its position, which moves past what was consumed
     * @param out where the reply bytes go
     */
    public boolean receive(ByteBuffer in, ByteBuffer out) {
        while (!isFinished() && out.remaining() >= Wire.MAX_REPLY_BYTES) {
            switch (framer.next(in)) {
                case LINE -> dispatch(CommandParser.parse(framer.lineBuffer(), framer.lineStart(), framer.lineEnd()), out);
                case LINE_TOO_LONG -> error(ErrorReason.LINE_TOO_LONG, out);
                case NEED_MORE_BYTES -> {
                    return true;
                }
            }
        }
        return !in.hasRemaining();
    }

    /**
     * Handles one parsed line and writes its reply, if any, to {@code out}, which needs at least
     * {@link Wire#MAX_REPLY_BYTES} of room. For callers that frame lines themselves.
     *
     * @param line the parsed command, or the reason it was invalid
     * @param out where the reply goes
     * @throws IllegalArgumentException if {@code out} has less than {@link Wire#MAX_REPLY_BYTES} left
     */
    public void handle(ParsedLine line, ByteBuffer out) {
        if (out.remaining() < Wire.MAX_REPLY_BYTES) {
            throw new IllegalArgumentException("out needs " + Wire.MAX_REPLY_BYTES + " bytes of room");
        }
        dispatch(line, out);
    }

    /**
     * Whether a game is in play: {@code PARAMS} was accepted and no {@code CLEAR} has followed.
     *
     * @return {@code true} between an accepted {@code PARAMS} and its {@code CLEAR}
     */
    public boolean inGame() {
        return guesser != null;
    }

    /**
     * Asks the session to end once no game is in play: at once if none is, else right after the
     * {@code CLEAR} that ends the current one. From then on {@link #receive} takes no more input.
     * Graceful shutdown calls this on every connection.
     */
    public void finishAfterGame() {
        finishing = true;
    }

    /**
     * Whether the session is done: {@link #finishAfterGame()} was called and no game is in play.
     * The transport then sends the replies it holds and closes the connection.
     *
     * @return {@code true} once the transport should flush and close the connection
     */
    public boolean isFinished() {
        return finishing && guesser == null;
    }

    /**
     * Bytes of an unfinished line held between calls.
     *
     * @return the number of bytes buffered
     */
    public int bufferedBytes() {
        return framer.bufferedBytes();
    }

    private void dispatch(ParsedLine line, ByteBuffer out) {
        switch (line) {
            case Command.Params(long lower, long upper) -> startGame(lower, upper, out);
            case Command.NumberRequest ignored -> sendGuess(out);
            case Command.Report(Decision decision) -> receiveReport(decision, out);
            case Command.Clear ignored -> clearGame();
            case InvalidLine(ErrorReason reason) -> error(reason, out);
        }
    }

    private void startGame(long lower, long upper, ByteBuffer out) {
        Guesser next;
        try {
            next = strategy.newGame(lower, upper);
        } catch (RuntimeException strategyFailure) {
            error(ErrorReason.INTERNAL_ERROR, strategyFailure, out);
            return;
        }
        this.guesser = next;
        this.guesserFailure = null;
        if (guesses != null) {
            guesses.clear();
        }
        this.lower = lower;
        this.upper = upper;
        this.guessOutstanding = false;
        this.solved = false;
        listener.onGameStarted(connection, lower, upper);
    }

    private void sendGuess(ByteBuffer out) {
        if (guesser == null) {
            error(ErrorReason.NO_GAME, out);
            return;
        }
        if (guesserFailure != null) {
            error(ErrorReason.INTERNAL_ERROR, guesserFailure, out);
            return;
        }
        if (!solved) {
            long guess;
            try {
                if (!guesser.hasNext()) {
                    error(ErrorReason.RANGE_EXHAUSTED, out);
                    return;
                }
                guess = guesser.next();
            } catch (RuntimeException strategyFailure) {
                error(ErrorReason.INTERNAL_ERROR, strategyFailure, out);
                return;
            }
            if (guess < lower || guess > upper) {
                error(ErrorReason.INTERNAL_ERROR, new IllegalStateException(
                        "the strategy guessed " + guess + ", outside [" + lower + ", " + upper + "]"), out);
                return;
            }
            if (!provenStrategy && !firstTime(guess, out)) {
                return;
            }
            lastGuess = guess;
        }
        guessOutstanding = true;
        Wire.writeGuess(out, lastGuess);
    }

    /**
     * Records a custom strategy's guess; answers an error instead if it was guessed before in
     * this game, or if the game has had more guesses than the session keeps.
     */
    private boolean firstTime(long guess, ByteBuffer out) {
        if (guesses == null) {
            guesses = new GuessLog();
        }
        switch (guesses.add(guess)) {
            case ADDED -> {
                return true;
            }
            case REPEATED -> error(ErrorReason.INTERNAL_ERROR,
                    new IllegalStateException("the strategy guessed " + guess + " a second time in one game"), out);
            case FULL -> error(ErrorReason.INTERNAL_ERROR, new IllegalStateException("a custom strategy's game"
                    + " passed " + GuessLog.MAX_GUESSES + " guesses, the most the server checks for repeats"), out);
        }
        return false;
    }

    private void receiveReport(Decision decision, ByteBuffer out) {
        if (guesser == null) {
            error(ErrorReason.NO_GAME, out);
            return;
        }
        if (!guessOutstanding) {
            error(ErrorReason.NO_GUESS, out);
            return;
        }
        guessOutstanding = false;
        if (!solved) {
            try {
                guesser.onReport(decision);
            } catch (RuntimeException strategyFailure) {
                // The report is recorded all the same, but the guesser's state is unknown now:
                // the game's next NUMBER answers an error (and hands the cause over) rather than
                // risk a repeated or out-of-range guess.
                guesserFailure = strategyFailure;
            }
            solved = decision == Decision.CORRECT;
        }
        listener.onReport(connection, lastGuess, decision);
    }

    private void clearGame() {
        guesser = null;
        guesserFailure = null;
        guessOutstanding = false;
        solved = false;
        listener.onGameCleared(connection);
    }

    private void error(ErrorReason reason, ByteBuffer out) {
        Wire.writeError(out, reason);
        listener.onError(connection, reason, Optional.empty());
    }

    /** The server's own code failed: the client is told {@code internal error}, the listener why. */
    private void error(ErrorReason reason, RuntimeException cause, ByteBuffer out) {
        Wire.writeError(out, reason);
        listener.onError(connection, reason, Optional.of(cause));
    }
}
