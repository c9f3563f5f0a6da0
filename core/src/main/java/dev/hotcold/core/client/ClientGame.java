package dev.hotcold.core.client;

import dev.hotcold.core.engine.GuessHistory;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.scoring.Scorer;

/**
 * The client's side of one game, sans-I/O: it holds the secret, says which commands to send and
 * turns the server's replies into outcomes. {@link Game} and {@link AsyncGame} drive it over a
 * connection; anything else that can move lines can too.
 *
 * <pre>{@code
 * ClientGame game = new ClientGame(1, 5, 3);
 * send(game.params());
 * while (!game.isOver()) {
 *     send(Command.NumberRequest.INSTANCE);
 *     Outcome outcome = game.onReply(receive());
 *     send(Command.Report.of(outcome.decision()));
 * }
 * send(Command.Clear.INSTANCE);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class ClientGame {
    /**
     * The most guesses of one game checked for repeats: 2<sup>20</sup>, at most 16 MiB. A game
     * that lasts longer (a million guesses, on a range of many millions) is played on unchecked.
     */
    public static final int MAX_CHECKED_GUESSES = 1 << 20;

    private final long lower;
    private final long upper;
    private final Scorer scorer;
    private final GuessHistory guesses = new GuessHistory(MAX_CHECKED_GUESSES);
    private boolean over;

    /**
     * A game over {@code [lower, upper]} whose secret the client holds and the server must guess.
     *
     * @param lower the smallest number in play
     * @param upper the largest number in play
     * @param secret the number the server has to find, within the range
     * @throws IllegalArgumentException if {@code lower > upper} or the secret lies outside the
     *     range (the server could never guess it)
     */
    public ClientGame(long lower, long upper, long secret) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        if (secret < lower || secret > upper) {
            throw new IllegalArgumentException(
                    "secret " + secret + " is outside [" + lower + ", " + upper + "]");
        }
        this.lower = lower;
        this.upper = upper;
        this.scorer = new Scorer(secret);
        this.guesses.reset(lower, upper);
    }

    /**
     * The smallest number in play.
     *
     * @return the lower bound
     */
    public long lower() {
        return lower;
    }

    /**
     * The largest number in play.
     *
     * @return the upper bound
     */
    public long upper() {
        return upper;
    }

    /**
     * The number the server has to find.
     *
     * @return the secret
     */
    public long secret() {
        return scorer.secret();
    }

    /**
     * The command that opens the game.
     *
     * @return a {@code PARAMS} command carrying the range
     */
    public Command.Params params() {
        return new Command.Params(lower, upper);
    }

    /**
     * Scores the server's reply to {@code NUMBER}. The caller then sends
     * {@code Command.Report.of(outcome.decision())}.
     *
     * @param reply the server's reply to {@code NUMBER}
     * @return the guess with the client's verdict on it
     * @throws ServerErrorException if the reply is {@code ERROR <reason>}
     * @throws ProtocolViolationException if it is not a number, a number outside the range, or
     *     a number the server guessed before in this game (the protocol forbids all three)
     * @throws IllegalStateException if the game is already over
     */
    public Outcome onReply(Reply reply) {
        if (over) {
            throw new IllegalStateException("the game is over: the secret was guessed");
        }
        long number = switch (reply) {
            case Reply.Guess(long guess) -> guess;
            case Reply.Error(String reason) -> throw new ServerErrorException(reason);
            case Reply.Unreadable(String line) -> throw new ProtocolViolationException(
                    "expected a number from the server, got: " + abbreviate(line));
        };
        if (number < lower || number > upper) {
            throw new ProtocolViolationException(
                    "server guessed " + number + ", outside [" + lower + ", " + upper + "]");
        }
        if (guesses.add(number) == GuessHistory.Result.REPEATED) {
            throw new ProtocolViolationException("server guessed " + number + " a second time in one game");
        }
        Decision decision = scorer.score(number);
        over = decision == Decision.CORRECT;
        return new Outcome(number, decision);
    }

    /**
     * Whether the secret has been guessed.
     *
     * @return {@code true} once a guess was {@code Correct}
     */
    public boolean isOver() {
        return over;
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
