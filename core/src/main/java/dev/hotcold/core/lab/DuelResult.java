package dev.hotcold.core.lab;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link Duel} measured: how many guesses each game took, the Correct one included.
 *
 * @param games how many games were played
 * @param worst the most guesses a game took
 * @param worstSecret the secret of the first game that took {@code worst} guesses
 * @param totalGuesses the guesses of all games together
 * @param histogram how many games took each number of guesses, by number of guesses, ascending
 */
public record DuelResult(long games, long worst, long worstSecret, long totalGuesses, Map<Long, Long> histogram) {

    /**
     * Checks the figures and keeps an unmodifiable copy of the histogram.
     *
     * @throws IllegalArgumentException if no game was played
     */
    public DuelResult {
        if (games < 1) {
            throw new IllegalArgumentException("a duel plays at least one game, not " + games);
        }
        histogram = Collections.unmodifiableMap(new TreeMap<>(histogram));
    }

    /**
     * The mean number of guesses per game.
     *
     * @return total guesses over games
     */
    public double mean() {
        return (double) totalGuesses / games;
    }
}
