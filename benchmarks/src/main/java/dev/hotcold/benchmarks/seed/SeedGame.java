package dev.hotcold.benchmarks.seed;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The seed server's game for one connection, as its Python is written, line in and reply out, for
 * the reference servers the benchmarks hold hotcold against (the Netty one and the plain JDK one):
 * a {@code String} per line and per reply, as users of those libraries write it.
 *
 * <p>Guesses follow the seed's random strategy: uniform in the range, drawn again when the number
 * was guessed before in this game (the guesses are remembered in a set, as the seed's list does,
 * so memory grows with the guesses of one game). When every number was guessed it answers
 * {@code ERROR range exhausted} instead of looping for ever. Bad input gets {@code ERROR <reason>}
 * and the connection carries on. One per connection: not thread-safe.
 */
public final class SeedGame {
    private final SplittableRandom random;

    private boolean inGame;
    private long lower;
    private long upper;
    private final Set<Long> guessed = new HashSet<>();
    private long lastGuess;
    private boolean guessOutstanding;
    private boolean solved;

    /** @param random draws the guesses; one per connection, split from the server's seed */
    public SeedGame(SplittableRandom random) {
        this.random = random;
    }

    /**
     * The reply to {@code line}.
     *
     * @param line a command line without its terminator
     * @return the reply line without its terminator, or null when none is due
     */
    public String answer(String line) {
        String[] words = line.split(" ", -1);
        return switch (words[0]) {
            case "PARAMS" -> words.length == 3 ? params(words[1], words[2]) : "ERROR usage: PARAMS <lower> <upper>";
            case "NUMBER" -> words.length == 1 ? number() : "ERROR usage: NUMBER";
            case "REPORT" -> words.length == 2 ? report(words[1]) : "ERROR usage: REPORT Warmer|Colder|Same|Unsure|Correct";
            case "CLEAR" -> words.length == 1 ? clear() : "ERROR usage: CLEAR";
            case "" -> line.isEmpty() ? "ERROR empty line" : "ERROR unknown command";
            default -> "ERROR unknown command";
        };
    }

    private String params(String lowerWord, String upperWord) {
        long newLower;
        long newUpper;
        try {
            newLower = Long.parseLong(lowerWord);
            newUpper = Long.parseLong(upperWord);
        } catch (NumberFormatException e) {
            return "ERROR bound is not a 64-bit integer";
        }
        if (newLower > newUpper) {
            return "ERROR lower bound is above upper bound";
        }
        inGame = true;
        lower = newLower;
        upper = newUpper;
        guessed.clear();
        guessOutstanding = false;
        solved = false;
        return null;
    }

    private String number() {
        if (!inGame) {
            return "ERROR no game in progress";
        }
        if (!solved) {
            // upper - lower + 1 wraps to 0 for the whole long range, which no set can exhaust.
            long size = upper - lower + 1;
            if (size != 0 && Long.compareUnsigned(guessed.size(), size) >= 0) {
                return "ERROR range exhausted";
            }
            long guess;
            do {
                guess = size == 0 ? random.nextLong() : lower + randomBelow(size);
            } while (!guessed.add(guess));
            lastGuess = guess;
        }
        guessOutstanding = true;
        return Long.toString(lastGuess);
    }

    /** Uniform in [0, size) for an unsigned size, by rejection. */
    private long randomBelow(long size) {
        if (size > 0) {
            return random.nextLong(size);
        }
        long draw;
        do {
            draw = random.nextLong();
        } while (Long.compareUnsigned(draw, size) >= 0);
        return draw;
    }

    private String report(String decision) {
        switch (decision) {
            case "Warmer", "Colder", "Same", "Unsure", "Correct" -> {
            }
            default -> {
                return "ERROR unknown decision";
            }
        }
        if (!inGame) {
            return "ERROR no game in progress";
        }
        if (!guessOutstanding) {
            return "ERROR no guess to report on";
        }
        guessOutstanding = false;
        solved |= decision.equals("Correct");
        return null;
    }

    private String clear() {
        inGame = false;
        guessed.clear();
        guessOutstanding = false;
        solved = false;
        return null;
    }
}
