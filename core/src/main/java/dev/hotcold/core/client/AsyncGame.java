package dev.hotcold.core.client;

import dev.hotcold.core.protocol.Command;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One game over an asynchronous connection, on {@link CompletionStage}s: the non-blocking
 * counterpart of {@link Game}.
 *
 * <pre>{@code
 * // One call: connect, play to the end, close the connection, whatever happens.
 * CompletionStage<List<Outcome>> outcomes = AsyncGame.play(transport, server.address(), 1, 5, 3);   // any GameClient
 *
 * // On a connection you hold (and close) yourself, with a body that sees each round.
 * AsyncGame.play(connection, 10, 15, 12, game ->
 *         game.forEach(outcome -> System.out.println("Client: " + outcome)));
 * }</pre>
 *
 * <p>{@code PARAMS} goes out before the body runs and {@code CLEAR} after its stage completes,
 * whether it succeeded or failed. Failures arrive as exceptional completion, as
 * <a href="Game.html#failures">Game's failure rule</a> says. Games of any length run in constant
 * stack depth, even when every stage completes at once.
 *
 * <p>The static methods are thread-safe. An {@code AsyncGame} handed to a body belongs to that
 * body: start one round only after the previous one completed.
 */
public final class AsyncGame {
    private final AsyncGameConnection connection;
    private final ClientGame game;

    private AsyncGame(AsyncGameConnection connection, ClientGame game) {
        this.connection = connection;
        this.game = game;
    }

    /**
     * Connects to the server at {@code address}, plays a game on [lower, upper] with the given
     * secret to the end, and closes the connection, whether the game succeeded or failed. The
     * one-call form for a single game; to play several games on one connection, use
     * {@link #play(AsyncGameConnection, long, long, long)} and close the connection yourself.
     *
     * <pre>{@code
     * AsyncGame.play(transport, server.address(), 10, 15, 12)
     *         .thenAccept(outcomes -> outcomes.forEach(System.out::println));
     * }</pre>
     *
     * @param client the client that connects: a transport (with the default options) or one
     *     made by {@code transport.client(options)}
     * @param address the server's address
     * @param lower the lowest number of the range
     * @param upper the highest number of the range
     * @param secret the number the server has to guess, in [lower, upper]
     * @return every round, the last one correct; or the failure to connect or to play
     * @throws IllegalArgumentException at once, before connecting, if the range is empty or does
     *     not hold the secret
     */
    public static CompletionStage<List<Outcome>> play(
            GameClient client, SocketAddress address, long lower, long upper, long secret) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(address, "address");
        new ClientGame(lower, upper, secret);   // checks the arguments before a connection exists
        CompletableFuture<List<Outcome>> result = new CompletableFuture<>();
        client.connectAsync(address).whenComplete((connection, connectFailure) -> {
            if (connectFailure != null) {
                result.completeExceptionally(unwrap(connectFailure));
                return;
            }
            CompletionStage<List<Outcome>> played;
            try {
                played = play(connection, lower, upper, secret);
            } catch (Throwable failure) {
                closeQuietly(connection, failure);
                result.completeExceptionally(failure);
                return;
            }
            played.whenComplete((outcomes, failure) -> {
                Throwable cause = failure == null ? null : unwrap(failure);
                Throwable closeFailure = closeQuietly(connection, cause);
                if (cause != null) {
                    result.completeExceptionally(cause);
                } else if (closeFailure != null) {
                    result.completeExceptionally(closeFailure);
                } else {
                    result.complete(outcomes);
                }
            });
        });
        return result;
    }

    /**
     * Closes {@code connection}; a failure to close is added to {@code primary} when there is one
     * (the game's own failure says more) and returned otherwise.
     */
    private static Throwable closeQuietly(AsyncGameConnection connection, Throwable primary) {
        try {
            connection.close();
            return null;
        } catch (Throwable closeFailure) {
            if (primary != null && primary != closeFailure) {
                primary.addSuppressed(closeFailure);
            }
            return closeFailure;
        }
    }

    /**
     * Plays a game on [lower, upper] with the given secret to the end, on a connection the
     * caller keeps (and closes).
     *
     * @param connection the connection to play on; the game does not close it
     * @param lower the lowest number of the range
     * @param upper the highest number of the range
     * @param secret the number the server has to guess, in [lower, upper]
     * @return every round, the last one correct
     * @throws IllegalArgumentException at once if the range is empty or does not hold the secret
     */
    public static CompletionStage<List<Outcome>> play(
            AsyncGameConnection connection, long lower, long upper, long secret) {
        return play(connection, lower, upper, secret, game -> {
            List<Outcome> outcomes = new ArrayList<>();
            return game.forEach(outcomes::add).thenApply(done -> outcomes);
        });
    }

    /**
     * Opens a game, runs {@code body} on it, and ends the game with {@code CLEAR} once the body's
     * stage completes, either way.
     *
     * @param <T> what the body's stage yields
     * @param connection the connection to play on; the game does not close it
     * @param lower the lowest number of the range
     * @param upper the highest number of the range
     * @param secret the number the server has to guess, in [lower, upper]
     * @param body plays rounds on the game; the game ends when its stage completes
     * @return the body's result, or its failure
     * @throws IllegalArgumentException at once if the range is empty or does not hold the secret
     */
    public static <T> CompletionStage<T> play(AsyncGameConnection connection, long lower, long upper,
            long secret, Function<? super AsyncGame, ? extends CompletionStage<T>> body) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(body, "body");
        AsyncGame game = new AsyncGame(connection, new ClientGame(lower, upper, secret));
        CompletableFuture<T> result = new CompletableFuture<>();
        connection.send(game.game.params())
                .thenCompose(sent -> body.apply(game))
                .whenComplete((value, failure) -> connection.send(Command.Clear.INSTANCE)
                        .whenComplete((cleared, clearFailure) -> {
                            if (failure != null) {
                                Throwable cause = unwrap(failure);
                                if (clearFailure != null && clearFailure != cause) {
                                    cause.addSuppressed(unwrap(clearFailure));
                                }
                                result.completeExceptionally(cause);
                            } else if (clearFailure != null) {
                                result.completeExceptionally(unwrap(clearFailure));
                            } else {
                                result.complete(value);
                            }
                        }));
        return result;
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
     * Plays one round: {@code NUMBER}, the server's guess, the {@code REPORT} on it.
     *
     * @return the round, or empty if the game was already over
     */
    public CompletionStage<Optional<Outcome>> next() {
        if (game.isOver()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return connection.send(Command.NumberRequest.INSTANCE)
                .thenCompose(sent -> connection.receive())
                .thenCompose(reply -> {
                    Outcome outcome = game.onReply(reply);
                    return connection.send(Command.Report.of(outcome.decision()))
                            .thenApply(reported -> Optional.of(outcome));
                });
    }

    /**
     * Plays the remaining rounds, handing each to {@code action} in order.
     *
     * @param action runs on each round, on the thread that completed it; it must not block
     * @return completes after the last round, or with the first failure (the action's included)
     */
    public CompletionStage<Void> forEach(Consumer<? super Outcome> action) {
        Objects.requireNonNull(action, "action");
        CompletableFuture<Void> done = new CompletableFuture<>();
        continueRounds(action, done);
        return done;
    }

    /**
     * Runs rounds in a loop while they complete at once and hands over to a callback when one
     * does not, so that the stack does not grow with the number of rounds.
     */
    private void continueRounds(Consumer<? super Outcome> action, CompletableFuture<Void> done) {
        try {
            while (!game.isOver()) {
                CompletableFuture<Optional<Outcome>> round = next().toCompletableFuture();
                if (!round.isDone()) {
                    round.whenComplete((outcome, failure) -> {
                        if (failure != null) {
                            done.completeExceptionally(unwrap(failure));
                            return;
                        }
                        try {
                            outcome.ifPresent(action);
                        } catch (Throwable actionFailure) {
                            done.completeExceptionally(actionFailure);
                            return;
                        }
                        continueRounds(action, done);
                    });
                    return;
                }
                round.join().ifPresent(action);
            }
            done.complete(null);
        } catch (CompletionException failure) {
            done.completeExceptionally(unwrap(failure));
        } catch (Throwable failure) {
            done.completeExceptionally(failure);
        }
    }

    /** The failure inside any {@link CompletionException} wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
