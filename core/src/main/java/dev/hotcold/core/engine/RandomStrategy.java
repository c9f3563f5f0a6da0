package dev.hotcold.core.engine;

import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The random strategy: guess uniformly among the numbers not guessed yet, ignoring the reports.
 *
 * <p>The protocol's reference server draws at random and re-draws on repeats, scanning a list of
 * every guess; it slows as the range fills and never ends once it is full. Here each game walks a
 * keyed pseudo-random permutation of its range ({@link RangePermutation}): the k-th guess is the
 * image of k, shifted by a random offset (mod the range size) so that each guess taken alone is
 * exactly uniform even where a small Feistel network is not. Guesses never repeat, cost O(1) time
 * and memory each, and work on the whole {@code long} range.
 *
 * <p>Game keys come from the strategy's seed and a counter of games started, so a fixed seed
 * replays the same guesses for the same sequence of games.
 */
final class RandomStrategy implements ProvenStrategy {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;
    private final AtomicLong gamesStarted = new AtomicLong();

    RandomStrategy() {
        this(ThreadLocalRandom.current().nextLong());
    }

    RandomStrategy(long seed) {
        this.seed = seed;
    }

    @Override
    public Guesser newGame(long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        long game = gamesStarted.getAndIncrement();
        long key = RangePermutation.mix(seed + GOLDEN_GAMMA * (game + 1));
        long offset = RangePermutation.mix(key ^ GOLDEN_GAMMA);
        return new RandomGuesser(lower, upper - lower + 1, key, offset);
    }

    @Override
    public String toString() {
        return "random";
    }

    private static final class RandomGuesser implements Guesser {
        private final long lower;
        /** Unsigned; 0 stands for 2^64. */
        private final long size;
        private final RangePermutation permutation;
        /** Added to every permuted index (mod size), so each guess on its own is exactly uniform. */
        private final long offset;
        private long guessed;

        RandomGuesser(long lower, long size, long key, long offset) {
            this.lower = lower;
            this.size = size;
            this.permutation = new RangePermutation(size, key);
            this.offset = size == 0 ? offset : Long.remainderUnsigned(offset, size);
        }

        @Override
        public boolean hasNext() {
            // With 2^64 numbers the counter would have to wrap, which takes centuries.
            return size == 0 || Long.compareUnsigned(guessed, size) < 0;
        }

        @Override
        public long next() {
            if (!hasNext()) {
                throw new NoSuchElementException("every number of the range was guessed");
            }
            return lower + addModSize(permutation.apply(guessed++), offset);
        }

        /** (a + b) mod size for a, b below size, all unsigned, without overflow. */
        private long addModSize(long a, long b) {
            long sum = a + b;
            if (size != 0 && (Long.compareUnsigned(sum, a) < 0 || Long.compareUnsigned(sum, size) >= 0)) {
                sum -= size;
            }
            return sum;
        }
    }
}
