package dev.hotcold.core.protocol;

import java.util.Optional;

/**
 * What the client says about a guess, relative to the guess before it: the five words of a
 * {@code REPORT} line.
 *
 * <p>The wire names are case-sensitive: {@code Warmer}, never {@code warmer} or {@code WARMER}.
 */
public enum Decision {
    /** The guess is closer to the secret than the previous guess. */
    WARMER("Warmer"),
    /** The guess is farther from the secret than the previous guess. */
    COLDER("Colder"),
    /** The guess is as far from the secret as the previous guess. */
    SAME("Same"),
    /** The first guess of a game: there is nothing to compare it with. */
    UNSURE("Unsure"),
    /** The guess is the secret. */
    CORRECT("Correct");

    private static final Decision[] VALUES = values();

    private final String wireName;

    Decision(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The word on the wire.
     *
     * @return the word, for example {@code Warmer}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks a decision up by its word on the wire.
     *
     * @param word the word, compared case-sensitively
     * @return the decision whose wire name is {@code word}, or empty if there is none
     */
    public static Optional<Decision> fromWireName(String word) {
        for (Decision decision : VALUES) {
            if (decision.wireName.equals(word)) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
