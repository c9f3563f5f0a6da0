package dev.hotcold.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The endgame search against a brute-force referee that tries every fresh guess of a small range:
 * the guess it picks must finish every remaining secret within the fewest guesses possible.
 */
class EndgameSearchTest {

    @Test
    void openingGuessesAreTheBestPossibleOnSmallRanges() {
        for (int size = 1; size <= EndgameSearch.MOST_OPENING_NUMBERS; size++) {
            long rangeEnd = size - 1;
            GuessList none = new GuessList(0, 64);
            long first = EndgameSearch.forGame(none, rangeEnd).openingGuess();
            List<Long> everyNumber = new ArrayList<>();
            for (long offset = 0; offset <= rangeEnd; offset++) {
                everyNumber.add(offset);
            }
            int best = fewestGuessesForEveryOpening(rangeEnd, everyNumber);
            List<Long> others = new ArrayList<>(everyNumber);
            others.remove(first);
            // After the first guess (which nothing is compared with), the rest need best - 1.
            assertTrue(settles(rangeEnd, others, first, Set.of(first), best - 1),
                    "size " + size + ": first guess " + first + " is not among the best");
        }
    }

    @RepeatedTest(40)
    void picksAGuessThatFinishesInTheFewestGuesses(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(0xe9d_9a3eL + repetition.getCurrentRepetition());
        int checked = 0;
        while (checked < 25) {
            long rangeEnd = random.nextLong(3, 24);
            Set<Long> guessed = new HashSet<>();
            long lastGuess = random.nextLong(rangeEnd + 1);
            guessed.add(lastGuess);
            for (int extra = random.nextInt(3); extra > 0; extra--) {
                guessed.add(random.nextLong(rangeEnd + 1));
            }
            long low = random.nextLong(rangeEnd + 1);
            long high = Math.min(rangeEnd, low + random.nextLong(10));
            List<Long> candidates = new ArrayList<>();
            for (long offset = low; offset <= high; offset++) {
                if (!guessed.contains(offset)) {
                    candidates.add(offset);
                }
            }
            if (candidates.size() < 2 || candidates.size() > EndgameSearch.MOST_CANDIDATES) {
                continue;
            }
            GuessList list = new GuessList(0, 64);
            guessed.forEach(list::add);
            EndgameSearch search = EndgameSearch.forGame(list, rangeEnd);
            OptionalLong found = search.findBestGuess(candidates.get(0), candidates.size(), lastGuess)
                    ? OptionalLong.of(search.bestGuess()) : OptionalLong.empty();
            int best = fewestGuesses(rangeEnd, candidates, lastGuess, guessed);
            String what = "[0, " + rangeEnd + "], candidates " + candidates + ", last guess " + lastGuess
                    + ", guessed " + guessed + ", best " + best;
            if (found.isPresent()) {
                long guess = found.getAsLong();
                assertFalse(guessed.contains(guess), "repeats " + guess + ": " + what);
                assertTrue(guess >= 0 && guess <= rangeEnd, what);
                assertTrue(settlesWith(rangeEnd, candidates, lastGuess, guessed, guess, best),
                        "guess " + guess + " needs more than " + best + ": " + what);
            } else {
                // The search gives up only where the fewest guesses lie beyond what it looks at.
                assertTrue(best > fewestByCount(candidates.size()) + 2, "gave up: " + what);
            }
            checked++;
        }
    }

    @Test
    void bruteForceRefereeKnowsTheCounts() {
        // The referee itself, on cases worked by hand. One candidate: guess it.
        assertEquals(1, fewestGuesses(100, List.of(40L), 0, Set.of(0L)));
        // Two: the first guess can be Correct or not, never both.
        assertEquals(2, fewestGuesses(100, List.of(40L, 41L), 39, Set.of(39L)));
        // Four, far above the last guess: a guess that splits them (84, midpoint 42) leaves 40
        // and 41 on the Colder side, which need two more; no guess splits them into single numbers.
        assertEquals(3, fewestGuesses(100, List.of(40L, 41L, 42L, 43L), 0, Set.of(0L)));
    }

    /** The fewest guesses the count alone allows: what the search starts from. */
    private static int fewestByCount(int count) {
        int[] mostSettled = {0, 1, 4, 10, 22, 46, 94};
        int guesses = 1;
        while (mostSettled[guesses] < count) {
            guesses++;
        }
        return guesses;
    }

    private static int fewestGuessesForEveryOpening(long rangeEnd, List<Long> everyNumber) {
        for (int guesses = 1; ; guesses++) {
            for (long first : everyNumber) {
                List<Long> others = new ArrayList<>(everyNumber);
                others.remove(first);
                if (settles(rangeEnd, others, first, Set.of(first), guesses - 1)) {
                    return guesses;
                }
            }
        }
    }

    private static int fewestGuesses(long rangeEnd, List<Long> candidates, long lastGuess, Set<Long> guessed) {
        for (int guesses = 1; ; guesses++) {
            if (settles(rangeEnd, candidates, lastGuess, guessed, guesses)) {
                return guesses;
            }
        }
    }

    /** Whether some fresh guess settles every candidate within {@code guesses}, whatever the reports. */
    private static boolean settles(long rangeEnd, List<Long> candidates, long lastGuess, Set<Long> guessed,
            int guesses) {
        if (candidates.isEmpty()) {
            return true;
        }
        if (guesses == 0) {
            return false;
        }
        for (long guess = 0; guess <= rangeEnd; guess++) {
            if (!guessed.contains(guess) && settlesWith(rangeEnd, candidates, lastGuess, guessed, guess, guesses)) {
                return true;
            }
        }
        return false;
    }

    /** Whether making {@code guess} now settles every candidate within {@code guesses}, this one included. */
    private static boolean settlesWith(long rangeEnd, List<Long> candidates, long lastGuess, Set<Long> guessed,
            long guess, int guesses) {
        List<Long> warmer = new ArrayList<>();
        List<Long> colder = new ArrayList<>();
        List<Long> same = new ArrayList<>();
        for (long secret : candidates) {
            long toGuess = Math.abs(secret - guess);
            long toLast = Math.abs(secret - lastGuess);
            if (secret != guess) {
                (toGuess < toLast ? warmer : toGuess > toLast ? colder : same).add(secret);
            }
        }
        Set<Long> after = new HashSet<>(guessed);
        after.add(guess);
        return settles(rangeEnd, warmer, guess, after, guesses - 1)
                && settles(rangeEnd, colder, guess, after, guesses - 1)
                && settles(rangeEnd, same, guess, after, guesses - 1);
    }
}
