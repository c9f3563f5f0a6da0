package dev.hotcold.core.protocol;

import java.util.Objects;

/**
 * The four commands a client sends, one per line, in the guess-the-number protocol.
 *
 * <pre>{@code
 * PARAMS <lower> <upper>   start a game on [lower, upper]
 * NUMBER                   ask for a guess; answered by one line
 * REPORT <decision>        say how the last guess compares with the one before
 * CLEAR                    end the game
 * }</pre>
 *
 * <p>Only {@code NUMBER} is answered when all is well; any command may be answered by an
 * {@code ERROR <reason>} line.
 */
public sealed interface Command extends ParsedLine
        permits Command.Params, Command.NumberRequest, Command.Report, Command.Clear {

    /**
     * The command as it goes on the wire.
     *
     * @return the line without its terminator, for example {@code PARAMS 1 100}
     */
    String line();

    /**
     * {@code PARAMS <lower> <upper>}: start a new game on the closed range [lower, upper].
     *
     * @param lower the smallest number the secret may be
     * @param upper the largest number the secret may be, not below {@code lower}
     */
    record Params(long lower, long upper) implements Command {
        /**
         * Checks that the range holds at least one number.
         *
         * @throws IllegalArgumentException if {@code lower > upper}
         */
        public Params {
            if (lower > upper) {
                throw new IllegalArgumentException(
                        "lower bound " + lower + " is above upper bound " + upper);
            }
        }

        @Override
        public String line() {
            return "PARAMS " + lower + " " + upper;
        }
    }

    /** {@code NUMBER}: ask the server for its next guess. */
    record NumberRequest() implements Command {
        /** The only instance needed; records of no components are all equal. */
        public static final NumberRequest INSTANCE = new NumberRequest();

        @Override
        public String line() {
            return "NUMBER";
        }
    }

    /**
     * {@code REPORT <decision>}: the client's verdict on the last guess.
     *
     * @param decision how the last guess compares with the one before it
     */
    record Report(Decision decision) implements Command {
        private static final Report[] BY_DECISION = new Report[Decision.values().length];

        static {
            for (Decision decision : Decision.values()) {
                BY_DECISION[decision.ordinal()] = new Report(decision);
            }
        }

        /**
         * Checks that there is a decision.
         *
         * @throws NullPointerException if {@code decision} is null
         */
        public Report {
            Objects.requireNonNull(decision, "decision");
        }

        /**
         * The shared instance for a decision: there are only five reports, so none is allocated.
         *
         * @param decision the verdict to report
         * @return the report of {@code decision}
         */
        public static Report of(Decision decision) {
            return BY_DECISION[decision.ordinal()];
        }

        @Override
        public String line() {
            return "REPORT " + decision.wireName();
        }
    }

    /** {@code CLEAR}: end the current game, won or not. */
    record Clear() implements Command {
        /** The only instance needed; records of no components are all equal. */
        public static final Clear INSTANCE = new Clear();

        @Override
        public String line() {
            return "CLEAR";
        }
    }
}
