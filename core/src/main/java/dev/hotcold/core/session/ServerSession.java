package dev.hotcold.core.session;

import dev.hotcold.core.boundary.UserCode;
import dev.hotcold.core.boundary.UserCodeFailure;
import dev.hotcold.core.codec.CommandParser;
import dev.hotcold.core.codec.LineFramer;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.engine.GuessHistory;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.engine.ProvenStrategy;
import dev.hotcold.core.events.GameEnd;
import dev.hotcold.core.events.ServerEvent;
import dev.hotcold.core.events.ServerEvents;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import dev.hotcold.core.protocol.InvalidLine;
import dev.hotcold.core.protocol.ParsedLine;
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
 * <p>It calls no listener. What happened during a {@link #receive} call (a game started, a
 * report, an error) is in {@link #events()} until the next call, for the caller to deliver once
 * it holds no lock; a server does that for every connection. The guess strategy is called
 * through {@link UserCode}: whatever it throws answers {@code ERROR internal error} and ends the
 * game, never the session.
 *
 * <pre>{@code
 * ServerSession session = new ServerSession(GuessStrategy.random(7), LineFramer.DEFAULT_MAX_LINE_LENGTH);
 * ByteBuffer out = ByteBuffer.allocate(4096);
 * session.receive(ByteBuffer.wrap("PARAMS 1 5\nNUMBER\n".getBytes(US_ASCII)), out);
 * // out now holds one line: a guess in [1, 5]; session.events() holds GameStarted[lower=1, upper=5]
 * }</pre>
 *
 * <p>It keeps the protocol's promise that no number is guessed twice in a game and every guess is
 * in the range, whatever the strategy: a guess that breaks it is answered
 * {@code ERROR internal error} instead. Core's own strategies ({@link ProvenStrategy}) are proven
 * by their tests and trusted, in O(1) memory. For any other strategy the session remembers the
 * game's guesses, at most 4096 of them (64 KiB); past that many the game's {@code NUMBER}s answer
 * {@code ERROR internal error}.
 *
 * <p>Its memory is otherwise a few fields, the guesser's, a partial line and the events of one
 * call. One per connection; not thread-safe.
 */
public final class ServerSession {
    private final GuessStrategy strategy;
    private final LineFramer framer;
    /**
     * Whether every event is recorded. Either way the session records what operators count:
     * each game's start and end, every error reply, and the strategy's failures.
     */
    private final boolean recordEvents;
    /** The error events without a cause, made once: recording one allocates nothing. */
    private static final ServerEvent.ErrorSent[] PLAIN_ERRORS;

    static {
        ErrorReason[] reasons = ErrorReason.values();
        PLAIN_ERRORS = new ServerEvent.ErrorSent[reasons.length];
        for (ErrorReason reason : reasons) {
            PLAIN_ERRORS[reason.ordinal()] = new ServerEvent.ErrorSent(reason, Optional.empty());
        }
    }
    private final ServerEvents events = new ServerEvents();
    /** Whether the strategy is one of core's, proven by its tests never to repeat or leave the range. */
    private final boolean provenStrategy;
    /** The most guesses of a custom strategy checked in one game; past it the game answers an error. */
    static final int MAX_CHECKED_GUESSES = 4096;

    /** The current game's guesses, for a strategy the session cannot vouch for; made on first use. */
    private GuessHistory guesses;

    /** The current game's guesser, or null between games. */
    private Guesser guesser;
    /**
     * The last game's guesser, done with, offered to play the next game
     * ({@link Guesser#restart}); null if there is none, or if it threw.
     */
    private Guesser finished;
    private long lower;
    private long upper;
    /** The last guess sent, and whether the client has yet to report on it. */
    private long lastGuess;
    private boolean guessOutstanding;
    /** Set once a guess is reported Correct: from then on every NUMBER gets the secret. */
    private boolean solved;
    /** Different numbers guessed in the current game. */
    private long guessesInGame;
    /** Every NUMBER answered with a number, over the session's life. */
    private long numbersAnswered;
    /** Set by {@link #finishAfterGame()}: take no input once no game is in play. */
    private boolean finishing;
    /** What the guesser threw on a report: every NUMBER of the game answers an error since. */
    private Throwable guesserFailure;
    /** The strategy ran out of memory: the session takes no more input and the connection ends. */
    private boolean failedFatally;

    /**
     * A session that records every event for its caller to deliver.
     *
     * @param strategy picks the guesses of each game
     * @param maxLineLength the longest line accepted, terminator excluded; longer ones get
     *     {@code ERROR line too long}
     */
    public ServerSession(GuessStrategy strategy, int maxLineLength) {
        this(strategy, maxLineLength, true);
    }

    /**
     * A session that records every event, or only those a server needs whether or not anyone
     * listens: each game's start and end, every error reply (the strategy's failures among them).
     *
     * @param strategy picks the guesses of each game
     * @param maxLineLength the longest line accepted, terminator excluded; longer ones get
     *     {@code ERROR line too long}
     * @param recordEvents whether to record every event (reports and clears too)
     */
    public ServerSession(GuessStrategy strategy, int maxLineLength, boolean recordEvents) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.framer = new LineFramer(maxLineLength);
        this.recordEvents = recordEvents;
        this.provenStrategy = strategy instanceof ProvenStrategy;
    }

    /**
     * Consumes client bytes from {@code in} and writes the replies to {@code out}, until {@code in}
     * is empty, {@code out} has less than {@link Wire#MAX_REPLY_BYTES} left, or the session
     * {@linkplain #isFinished() finished}. When {@code out} filled up, the caller sends what it
     * holds and calls again with the rest of {@code in}: a session never produces more output than
     * the caller has room for. {@link #events()} then holds what happened during this call.
     *
     * @return true if all of {@code in} was consumed
     * @param in the client's bytes; read from its position, which moves past what was consumed
     * @param out where the reply bytes go
     */
    public boolean receive(ByteBuffer in, ByteBuffer out) {
        events.clear();
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
     * {@link Wire#MAX_REPLY_BYTES} of room. For callers that frame lines themselves;
     * {@link #events()} then holds what happened.
     *
     * @param line the parsed command, or the reason it was invalid
     * @param out where the reply goes
     * @throws IllegalArgumentException if {@code out} has less than {@link Wire#MAX_REPLY_BYTES} left
     */
    public void handle(ParsedLine line, ByteBuffer out) {
        if (out.remaining() < Wire.MAX_REPLY_BYTES) {
            throw new IllegalArgumentException("out needs " + Wire.MAX_REPLY_BYTES + " bytes of room");
        }
        events.clear();
        if (!isFinished()) {
            dispatch(line, out);
        }
    }

    /**
     * What happened during the last {@link #receive} or {@link #handle} call, oldest first: every
     * event, or, if the session records no others, each game's start and end and every error
     * reply. The next call clears it, so its size is bounded by what one call can do. Deliver them with
     * {@link UserCode#deliver}, outside any lock another connection needs.
     *
     * @return the events of the last call; the caller may take them out
     */
    public ServerEvents events() {
        return events;
    }

    /**
     * How many {@code NUMBER}s the session answered with a number, over its life: a transport or
     * an observer tells from it whether a call answered one.
     *
     * @return the count so far
     */
    public long numbersAnswered() {
        return numbersAnswered;
    }

    /**
     * Whether a command line has begun and not ended: what {@link #receive} took of it has no line
     * feed yet. A server bounds how long that may last (its line timeout).
     *
     * @return {@code true} while a line is in progress
     */
    public boolean lineInProgress() {
        return framer.lineInProgress();
    }

    /**
     * How many command lines have ended over the session's life, answered or dropped as too long:
     * compared before and after {@link #receive}, it tells whether a line in progress began in
     * that call.
     *
     * @return the count so far
     */
    public long linesEnded() {
        return framer.linesEnded();
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
     * Whether the session is done: {@link #finishAfterGame()} was called and no game is in play,
     * or the strategy ran out of memory. The transport then sends the replies it holds and closes
     * the connection.
     *
     * @return {@code true} once the transport should flush and close the connection
     */
    public boolean isFinished() {
        return failedFatally || (finishing && guesser == null);
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
        Guesser reusable = finished;
        finished = null;   // offered: whatever it made of that, it is not spare any more
        try {
            next = reusable != null && UserCode.restart(reusable, lower, upper)
                    ? reusable : UserCode.newGame(strategy, lower, upper);
        } catch (UserCodeFailure failure) {
            strategyFailed(failure.getCause(), out);
            return;
        }
        if (guesser != null) {
            endGame(solved ? GameEnd.WON : GameEnd.REPLACED);
            if (guesserFailure == null && guesser != next) {
                finished = guesser;
            }
        }
        this.guesser = next;
        this.guesserFailure = null;
        this.guessesInGame = 0;
        if (guesses != null) {
            guesses.reset(lower, upper);
        }
        this.lower = lower;
        this.upper = upper;
        this.guessOutstanding = false;
        this.solved = false;
        events.add(new ServerEvent.GameStarted(lower, upper));
    }

    private void sendGuess(ByteBuffer out) {
        if (guesser == null) {
            error(ErrorReason.NO_GAME, out);
            return;
        }
        if (guesserFailure != null) {
            strategyFailed(guesserFailure, out);
            return;
        }
        if (!solved) {
            long guess;
            try {
                if (!UserCode.hasNext(guesser)) {
                    error(ErrorReason.RANGE_EXHAUSTED, out);
                    return;
                }
                guess = UserCode.next(guesser);
            } catch (UserCodeFailure failure) {
                strategyFailed(failure.getCause(), out);
                return;
            }
            if (guess < lower || guess > upper) {
                strategyFailed(new IllegalStateException(
                        "the strategy guessed " + guess + ", outside [" + lower + ", " + upper + "]"), out);
                return;
            }
            if (!provenStrategy && !firstTime(guess, out)) {
                return;
            }
            lastGuess = guess;
            guessesInGame++;
        }
        guessOutstanding = true;
        numbersAnswered++;
        Wire.writeGuess(out, lastGuess);
    }

    /**
     * Records a custom strategy's guess; answers an error instead if it was guessed before in
     * this game, or if the game has had more guesses than the session keeps.
     */
    private boolean firstTime(long guess, ByteBuffer out) {
        if (guesses == null) {
            guesses = new GuessHistory(MAX_CHECKED_GUESSES);
            guesses.reset(lower, upper);
        }
        switch (guesses.add(guess)) {
            case ADDED -> {
                return true;
            }
            case REPEATED -> strategyFailed(
                    new IllegalStateException("the strategy guessed " + guess + " a second time in one game"), out);
            case FULL -> strategyFailed(new IllegalStateException("a custom strategy's game"
                    + " passed " + MAX_CHECKED_GUESSES + " guesses, the most the server checks for repeats"), out);
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
                UserCode.onReport(guesser, decision);
            } catch (UserCodeFailure failure) {
                // The report is recorded all the same, but the guesser's state is unknown now:
                // the game's next NUMBER answers an error (and hands the cause over) rather than
                // risk a repeated or out-of-range guess.
                guesserFailure = failure.getCause();
                if (failure.isFatal()) {
                    strategyFailed(guesserFailure, out);   // the session ends: say so now
                }
            }
            solved = decision == Decision.CORRECT;
        }
        record(new ServerEvent.Reported(lastGuess, decision));
    }

    private void clearGame() {
        if (guesser != null) {
            endGame(solved ? GameEnd.WON : GameEnd.ABANDONED);
            if (guesserFailure == null) {
                finished = guesser;
            }
        }
        guesser = null;
        guesserFailure = null;
        guessOutstanding = false;
        solved = false;
        record(ServerEvent.GameCleared.INSTANCE);
    }

    private void error(ErrorReason reason, ByteBuffer out) {
        Wire.writeError(out, reason);
        events.add(PLAIN_ERRORS[reason.ordinal()]);
    }

    private void endGame(GameEnd end) {
        events.add(new ServerEvent.GameEnded(lower, upper, guessesInGame, end));
    }

    /**
     * The connection closes: a game still in play ends {@link GameEnd#CUT_OFF} (or
     * {@link GameEnd#WON}, if the client had reported {@code Correct} but not cleared it), recorded in
     * {@link #events()} (after whatever the last call left there). The session takes no more
     * input.
     */
    public void connectionClosed() {
        if (guesser != null) {
            endGame(solved ? GameEnd.WON : GameEnd.CUT_OFF);
            guesser = null;
        }
        finishing = true;
    }

    /**
     * The server's own code failed: the client is told {@code internal error}, the listener why;
     * a strategy out of memory ends the session.
     */
    private void strategyFailed(Throwable cause, ByteBuffer out) {
        Wire.writeError(out, ErrorReason.INTERNAL_ERROR);
        failedFatally |= UserCode.isFatal(cause);
        events.add(new ServerEvent.ErrorSent(ErrorReason.INTERNAL_ERROR, Optional.of(cause)));
    }

    private void record(ServerEvent event) {
        if (recordEvents) {
            events.add(event);
        }
    }
}
