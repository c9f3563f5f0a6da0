package dev.hotcold.cli;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The book's client (Effective Python, item 76): its three games and its transcript. */
final class BookGames {
    /** A game of the book's: range and secret. */
    record Spec(long lower, long upper, long secret) {}

    static final List<Spec> THREE_GAMES = List.of(new Spec(1, 5, 3), new Spec(10, 15, 12), new Spec(1, 3, 2));

    /** What to do after each game, before the next one starts. */
    interface BetweenGames {
        void afterGame() throws InterruptedException;
    }

    private BookGames() {}

    /**
     * Plays {@code games} on one connection, announcing each as the book does, and returns every
     * round of every game.
     */
    static List<Outcome> play(GameConnection connection, List<Spec> games, PrintWriter out, BetweenGames between)
            throws IOException, InterruptedException {
        List<Outcome> results = new ArrayList<>();
        for (Spec spec : games) {
            out.printf("Guess a number between %d and %d! Shhhhh, it's %d.%n", spec.lower(), spec.upper(), spec.secret());
            out.flush();
            try (Game game = Game.start(connection, spec.lower(), spec.upper(), spec.secret())) {
                results.addAll(game.play());
            }
            between.afterGame();
        }
        return results;
    }

    /** The client's half of the transcript, printed after all games as the book does. */
    static void printResults(List<Outcome> results, PrintWriter out) {
        for (Outcome outcome : results) {
            out.println("Client: " + outcome.number() + " is " + outcome.decision());
        }
        out.flush();
    }
}
