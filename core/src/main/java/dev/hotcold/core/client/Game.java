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
 * One game over a blocking connection, as Python's {@code with new_game(...)} and
 * {@code for outcome in session}. Opening it sends {@code PARAMS}, iterating asks for guesses and
 * reports on each until {@code Correct}, closing sends {@code CLEAR}, also when the game failed.
 *
 * <pre>{@code
 * try (Game game = Game.start(connection, 1, 5, 3)) {
 *     for (Outcome outcome : game) {
 *         System.out.println("Client: " + outcome);
 *     }
 * }
 * }</pre>
 *
 * <p>Iteration throws {@link UncheckedIOException} when the connection fails,
 * {@link ServerErrorException} when the server answers {@code ERROR}, and
 * {@link ProtocolViolationException} when it answers nonsense. A game can be iterated once.
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
     * @throws IllegalArgumentException if the range is empty or does not hold the secret
     * @throws IOException at once, on every transport, if the connection is closed
     */
    public static Game start(GameConnection connection, long lower, long upper, long secret)
            throws IOException {
        Objects.requireNonNull(connection, "connection");
        ClientGame game = new ClientGame(lower, upper, secret);
        connection.send(game.params());
        return new Game(connection, game);
    }

    /** The rounds of the game, one per guess, ending with the correct one. */
    @Override
    public Iterator<Outcome> iterator() {
        if (iterated) {
            throw new IllegalStateException("a game can be iterated once");
        }
        iterated = true;
        return new Rounds();
    }

    /** Plays the game to the end and returns every round. */
    public List<Outcome> play() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome outcome : this) {
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** Whether the secret has been guessed. */
    public boolean isOver() {
        return game.isOver();
    }

    /**
     * Sends {@code CLEAR} (and any queued {@code REPORT}) and flushes. Idempotent. On a connection
     * that has already failed (the server shut down, say) there is no game left to clear, and
     * close returns quietly on every transport.
     */
    @Override
    public void close() throws IOException {
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
