package dev.hotcold.cli;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;

/** A strategy of a user's, loaded by name: guesses the range in order and ignores the reports. */
public final class SweepStrategy implements GuessStrategy {
    @Override
    public Guesser newGame(long lower, long upper) {
        return new Guesser() {
            private long next = lower;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public long next() {
                done = next == upper;
                return next++;
            }
        };
    }

    /** Not a strategy at all, for the error it must give. */
    public static final class NotAStrategy {}

    /** A strategy that repeats its first guess. */
    public static final class Repeating implements GuessStrategy {
        @Override
        public Guesser newGame(long lower, long upper) {
            return new Guesser() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public long next() {
                    return lower;
                }
            };
        }
    }
}
