package dev.hotcold.core.engine;


/**
 * The strategy that listens: a search that narrows the candidates with every report and finishes in
 * about log<sub>2</sub> n guesses, where guessing at random takes about n / 2.
 *
 * <p>The work is split by concern: {@link HotColdGuesser} plays one game (what a report says, the
 * candidates, no repeats, the sweep after contradictions), {@link SplitRule} places a guess while
 * many candidates are left, {@link EndgameSearch} finds the best guess among the last few, {@link OptimalBook} plays small
 * ranges (up to {@value OptimalBook#MAX_SIZE} numbers) exactly as well as any strategy can, and
 * {@link GuessList} remembers the guesses. How many guesses games take, and how that was measured,
 * is in BENCHMARKS.md ("hot/cold strategy").
 *
 * <p>The strategy holds no state and is thread-safe; each game belongs to one connection.
 */
final class HotColdStrategy implements ProvenStrategy {

    @Override
    public Guesser newGame(long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        return new HotColdGuesser(lower, upper - lower);
    }

    @Override
    public String toString() {
        return "hotcold";
    }
}
