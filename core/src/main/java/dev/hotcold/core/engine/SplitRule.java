package dev.hotcold.core.engine;

import static dev.hotcold.core.engine.Offsets.below;

/**
 * Where the hot/cold game puts its next guess while many candidates are left: a pure function of
 * the range, the candidates and the guess just reported on.
 *
 * <p>The next report compares the next guess with the last one, so the next guess decides where
 * the midpoint between the two falls, and the midpoint decides how the report splits the
 * candidates: Warmer keeps those on the new guess's side, Colder those on the last guess's side.
 *
 * <ul>
 *   <li><b>Reflection.</b> The basic move reflects the last guess through the centre of the
 *       candidates: the midpoint is then the centre, and either answer halves the candidates.
 *       Away from the ends of the range this is all there is to it.
 *   <li><b>Room.</b> The ends of the range are what make the game hard. After a Colder answer the
 *       next reflection lands about as far beyond the last guess as the surviving candidates
 *       reach, so when the last guess has little room behind it (between it and the end of the
 *       range) the Colder part is made smaller: it gets (count + room) / 3 of the candidates, a
 *       third when the last guess sits at the end of the range and a half once the room reaches
 *       half the count.
 *   <li><b>Out of range.</b> When the reflection itself falls outside the range, the guess goes
 *       to the far end of the range if that still splits off a quarter of the candidates, and
 *       otherwise to a candidate a third of the way in: a guess that splits nothing now but is the
 *       best place from which to start halving again.
 * </ul>
 *
 * <p>These proportions come from a numerical optimisation of the game in the limit of large ranges,
 * where only ratios matter, and were settled by exhaustive runs over small ranges.
 *
 * <p>All positions are unsigned offsets from the lower bound of the range (see {@link Offsets}).
 * The guess returned may be a number guessed before; the game moves it to the nearest fresh one.
 */
final class SplitRule {
    private SplitRule() {}

    /**
     * The guess the rule asks for.
     *
     * @param rangeEnd the largest offset of the range, unsigned: the range is [0, rangeEnd]
     * @param lowestCandidate the smallest offset the secret can still be
     * @param highestCandidate the largest offset the secret can still be, not below
     *     {@code lowestCandidate}
     * @param lastGuess the guess just reported on; not a candidate, since it was guessed and was not
     *     Correct
     * @return an offset within [0, rangeEnd]
     */
    static long nextGuess(long rangeEnd, long lowestCandidate, long highestCandidate, long lastGuess) {
        if (!below(lastGuess, lowestCandidate) && !below(highestCandidate, lastGuess)) {
            // The last guess is a hole among the candidates, strictly inside them: reflect it.
            long reflection = lowestCandidate + (highestCandidate - lastGuess);
            return reflection == lastGuess ? lastGuess + 1 : reflection;
        }
        // Work as if the last guess lay below the candidates; mirror the range when it lies above.
        boolean mirrored = below(highestCandidate, lastGuess);
        long low = mirrored ? rangeEnd - highestCandidate : lowestCandidate;
        long high = mirrored ? rangeEnd - lowestCandidate : highestCandidate;
        long from = mirrored ? rangeEnd - lastGuess : lastGuess;
        long gap = low - from;
        long roomBehind = from;
        long roomBeyond = rangeEnd - high;
        long count = high - low + 1; // low > from >= 0, so this does not wrap
        long guess;
        if (!below(roomBeyond, gap)) {
            if (!below(roomBehind, count >>> 1)) {
                guess = high + gap; // the exact reflection
            } else {
                guess = low + (2 * colderShare(count, roomBehind) - 1) + gap;
            }
        } else {
            // The reflection leaves the range. The far end still splits off
            // (count + roomBeyond - gap) / 2 candidates as Warmer.
            long reach = count + roomBeyond; // = rangeEnd - low + 1, which does not wrap as low >= 1
            long farEndSplit = below(gap, reach) ? (reach - gap) >>> 1 : 0;
            if (farEndSplit != 0 && !below(farEndSplit, count >>> 2)) {
                guess = rangeEnd;
            } else {
                guess = low + Long.divideUnsigned(count - 1, 3);
            }
        }
        return mirrored ? rangeEnd - guess : guess;
    }

    /**
     * How many of {@code count} candidates the Colder part gets when the last guess has
     * {@code roomBehind} numbers behind it: (count + roomBehind) / 3 rounded, between 1 and half
     * the count. The guess that gives it, {@code low + 2 * share - 1 + gap}, puts the midpoint half
     * a step above the share's last candidate and lies at most as far as the exact reflection.
     */
    private static long colderShare(long count, long roomBehind) {
        // Summed by parts because count + roomBehind may not fit in 64 bits.
        long remainders = Long.remainderUnsigned(count, 3) + Long.remainderUnsigned(roomBehind, 3);
        long share = Long.divideUnsigned(count, 3) + Long.divideUnsigned(roomBehind, 3) + (remainders + 1) / 3;
        return Math.max(1, Math.min(share, count >>> 1));
    }
}
