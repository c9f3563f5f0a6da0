package dev.hotcold.testkit;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.protocol.Decision;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strategy with bugs in turn: of every five games, the first fails in {@code newGame}, the
 * second in {@code hasNext}, the third in {@code next}, the fourth in {@code onReport} (each on
 * its first call), and the fifth plays as {@link GuessStrategy#random(long)} does. What it throws
 * is a {@link UserFailure}.
 */
final class ThrowingStrategy implements GuessStrategy {
    /** Games in a round of failures; the last of each round is played without one. */
    static final int ROUND = 5;

    private final GuessStrategy random;
    private final UserFailure failure;
    private final AtomicInteger games = new AtomicInteger();

    ThrowingStrategy(long seed, UserFailure failure) {
        this.random = GuessStrategy.random(seed);
        this.failure = failure;
    }

    /** Whether game {@code index} (counting from 0 in the order games start) plays without failing. */
    static boolean playsCleanly(int index) {
        return index % ROUND == ROUND - 1;
    }

    @Override
    public Guesser newGame(long lower, long upper) {
        int game = games.getAndIncrement() % ROUND;
        if (game == 0) {
            failure.raise("GuessStrategy.newGame");
        }
        Guesser guesser = random.newGame(lower, upper);
        return new Guesser() {
            private boolean failed;

            @Override
            public boolean hasNext() {
                failOnce(game == 1, "Guesser.hasNext");
                return guesser.hasNext();
            }

            @Override
            public long next() {
                failOnce(game == 2, "Guesser.next");
                return guesser.next();
            }

            @Override
            public void onReport(Decision decision) {
                failOnce(game == 3, "Guesser.onReport");
                guesser.onReport(decision);
            }

            private void failOnce(boolean here, String where) {
                if (here && !failed) {
                    failed = true;
                    failure.raise(where);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "ThrowingStrategy[" + failure + "]";
    }
}
