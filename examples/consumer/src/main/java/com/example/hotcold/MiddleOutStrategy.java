package com.example.hotcold;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import java.util.NoSuchElementException;

/**
 * A guess strategy of our own: the middle of the range first, then outwards, one step up and one
 * step down in turn, until every number was tried. It ignores the reports; it exists to show how
 * a strategy plugs into a server and how the hotcold JUnit harness tests one.
 *
 * <p>Thread-safe (it holds no state); each {@link Guesser} belongs to one game.
 */
public final class MiddleOutStrategy implements GuessStrategy {

    @Override
    public Guesser newGame(long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        return new MiddleOut(lower, upper);
    }

    private static final class MiddleOut implements Guesser {
        private final long lower;
        private final long upper;
        private final long middle;
        /** The next number above and below the middle, while one is left on that side. */
        private long up;
        private long down;
        private boolean upLeft;
        private boolean downLeft;
        private boolean middleGuessed;
        private boolean upNext = true;

        MiddleOut(long lower, long upper) {
            this.lower = lower;
            this.upper = upper;
            // Floor of the mean without overflow, for ranges as wide as the whole long range.
            this.middle = (lower >> 1) + (upper >> 1) + (lower & upper & 1);
            this.upLeft = middle < upper;
            this.downLeft = middle > lower;
            this.up = upLeft ? middle + 1 : middle;
            this.down = downLeft ? middle - 1 : middle;
        }

        @Override
        public boolean hasNext() {
            return !middleGuessed || upLeft || downLeft;
        }

        @Override
        public long next() {
            if (!middleGuessed) {
                middleGuessed = true;
                return middle;
            }
            if (upLeft && (upNext || !downLeft)) {
                upNext = false;
                long guess = up;
                upLeft = guess < upper;
                if (upLeft) {
                    up = guess + 1;
                }
                return guess;
            }
            if (downLeft) {
                upNext = true;
                long guess = down;
                downLeft = guess > lower;
                if (downLeft) {
                    down = guess - 1;
                }
                return guess;
            }
            throw new NoSuchElementException("every number of [" + lower + ", " + upper + "] was guessed");
        }
    }
}
