package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * One game over a blocking connection. Opening it sends {@code PARAMS}, iterating asks for a
 * guess and reports on it, round after round until {@code Correct}, and closing sends
 * {@code CLEAR}, also when the game failed.
 *
 * <pre>{@code
 * try (GameConnection connection = transport.connect(server.address());
 *      Game game = Game.start(connection, 1, 5, 3)) {
 *     for (Outcome outcome : game) {
 *         System.out.println("Client: " + outcome);
 *     }
 * }
 * }</pre>
 *
 * <h2 id="failures">How the client API fails</h2>
 *
 * <p>This is the one rule for {@code Game} and {@link AsyncGame}; the rest of the client API
 * refers here.
 *
 * <ul>
 *   <li><b>{@code Game} throws no checked exception.</b> A connection that fails, in
 *       {@link #start}, while iterating or in {@link #play()} alike, surfaces as
 *       {@link UncheckedIOException}; its {@link UncheckedIOException#getCause() cause} is the
 *       connection's {@link IOException} ({@link java.io.EOFException} when the server hung up,
 *       {@link java.io.InterruptedIOException} when the thread was interrupted). A for-each loop
 *       cannot throw a checked exception, so the rest of {@code Game} follows it rather than
 *       making a caller handle the same failure two ways. (Connecting is the transport's business
 *       and throws the checked {@code IOException} there.) {@link #close()} is the exception: on
 *       a connection that has already failed there is no game left to clear, so it returns
 *       quietly, and a try-with-resources block reports the failure that matters.</li>
 *   <li><b>{@code AsyncGame}'s stages fail with the cause itself</b>: the {@link IOException}
 *       unwrapped, as a stage can carry any exception.</li>
 *   <li><b>What the server says</b> is a {@link GameException} on both, unchecked:
 *       {@link ServerErrorException} for an {@code ERROR} reply, {@link ProtocolViolationException}
 *       for a reply the protocol does not allow, such as a guess outside the range.</li>
 *   <li><b>Misuse</b> throws at once: {@link IllegalArgumentException} for an empty range or a
 *       secret outside it, {@link IllegalStateException} for iterating a game twice or playing a
 *       closed one.</li>
 * </ul>
 *
 * <p>Not thread-safe: one game at a time on a connection, driven from one thread at a time, as
 * {@link GameConnection} itself.
 */
public final class Game implements Iterable<Outcome>, AutoCloseable {
    private final GameConnection connection;
    private final ClientGame game;
    private boolean iterated;
    private boolean closed;

    private Game(GameConnection connection, ClientGame game) {
        this.connection = connection;
        this.game = game;
    }

    /**
     * Starts a game on [lower, upper] whose secret is {@code secret}: queues {@code PARAMS}, which
     * leaves with the first {@code NUMBER}.
     *
     * @param connection the connection to play on; the game does not close it
     * @param lower the lowest number of the range
     * @param upper the highest number of the range
     * @param secret the number the server has to guess, in [lower, upper]
     * @return the game, ready to iterate
     * @throws IllegalArgumentException if the range is empty or does not hold the secret
     * @throws UncheckedIOException at once, on every transport, if the connection is closed or
     *     fails (see <a href="#failures">failures</a>)
     */
    public static Game start(GameConnection connection, long lower, long upper, long secret) {
        Objects.requireNonNull(connection, "connection");
        ClientGame game = new ClientGame(lower, upper, secret);
        try {
            connection.send(game.params());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Game(connection, game);
    }

    /**
     * The rounds of the game, one per guess, ending with the correct one. The iterator throws as
     * <a href="#failures">failures</a> says.
     *
     * @return the rounds still to play
     * @throws IllegalStateException if the game was iterated before or is closed
     */
    @Override
    public Iterator<Outcome> iterator() {
        if (closed) {
            throw new IllegalStateException("the game is closed: start a new one to play again");
        }
        if (iterated) {
            throw new IllegalStateException("a game can be iterated once");
        }
        iterated = true;
        return new Rounds();
    }

    /**
     * Plays the game to the end and returns every round.
     *
     * @return every round, the last one correct
     * @throws IllegalStateException if the game was iterated before or is closed
     * @throws UncheckedIOException if the connection fails (see <a href="#failures">failures</a>)
     */
    public List<Outcome> play() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome outcome : this) {
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * Whether the secret has been guessed.
     *
     * @return true once a round was {@code Correct}
     */
    public boolean isOver() {
        return game.isOver();
    }

    /**
     * Sends {@code CLEAR} (and any queued {@code REPORT}) and flushes. Idempotent. On a connection
     * that has already failed (the server shut down, say) there is no game left to clear, and
     * close returns quietly on every transport.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.send(Command.Clear.INSTANCE);
            connection.flush();
        } catch (IOException gone) {
            // The server is gone or the connection broke: nothing is left to clear.
        }
    }

    private final class Rounds implements Iterator<Outcome> {
        @Override
        public boolean hasNext() {
            return !game.isOver() && !closed;
        }

        @Override
        public Outcome next() {
            if (!hasNext()) {
                throw new NoSuchElementException(closed ? "the game is closed" : "the game is over");
            }
            try {
                connection.send(Command.NumberRequest.INSTANCE);
                Outcome outcome = game.onReply(connection.receive());
                connection.send(Command.Report.of(outcome.decision()));
                return outcome;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
