package dev.hotcold.testkit;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.client.ReplyListener;
import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.Reply;
import dev.hotcold.core.scoring.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Games played the way a load generator plays them: one {@link ReplyListener} for the whole
 * connection, commands {@linkplain AsyncGameConnection#post posted}, each reply answered from the
 * listener on the transport's thread. Plays the given games one after another on one connection
 * and completes with their outcomes, or fails with the first reply that is not a guess (as an
 * {@link IllegalStateException}) or with the connection's failure.
 */
final class ListenerGames implements ReplyListener {
    private final AsyncGameConnection connection;
    private final List<long[]> games;
    private final List<List<Outcome>> outcomes = new ArrayList<>();
    private final CompletableFuture<List<List<Outcome>>> done = new CompletableFuture<>();
    private final Scorer scorer = new Scorer(0);
    private int game = -1;

    private ListenerGames(AsyncGameConnection connection, List<long[]> games) {
        this.connection = connection;
        this.games = games;
    }

    /**
     * Plays {@code games}, each {lower, upper, secret}, on {@code connection}.
     *
     * @return completes with each game's outcomes, in order
     */
    static CompletableFuture<List<List<Outcome>>> play(AsyncGameConnection connection, List<long[]> games) {
        ListenerGames player = new ListenerGames(connection, games);
        player.nextGame();
        return player.done;
    }

    private void nextGame() {
        game++;
        if (game == games.size()) {
            done.complete(outcomes);
            return;
        }
        long[] g = games.get(game);
        scorer.restart(g[2]);
        outcomes.add(new ArrayList<>());
        connection.post(new Command.Params(g[0], g[1]));
        connection.post(Command.NumberRequest.INSTANCE);
        connection.receive(this);
    }

    @Override
    public void onGuess(long number) {
        Decision decision = scorer.score(number);
        outcomes.get(game).add(new Outcome(number, decision));
        connection.post(Command.Report.of(decision));
        if (decision == Decision.CORRECT) {
            connection.post(Command.Clear.INSTANCE);
            nextGame();
        } else {
            connection.post(Command.NumberRequest.INSTANCE);
            connection.receive(this);
        }
    }

    @Override
    public void onOtherReply(Reply reply) {
        done.completeExceptionally(new IllegalStateException("not a guess: " + reply));
    }

    @Override
    public void onFailure(Throwable failure) {
        done.completeExceptionally(failure);
    }
}
