package dev.hotcold.core.engine;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.io.PrintStream;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Computes the tables in BENCHMARKS.md ("Guess strategies" and "Hot/cold strategy"): worst and mean
 * guesses per game for the hot/cold and the random strategy on [1, n]. Run it with
 *
 * <pre>
 * mvn -B -q -pl core test -Dtest=HotColdStrategyResultsTest -Dhotcold.results=true
 * </pre>
 *
 * <p>or, with the test classes compiled, {@code java -cp core/target/classes:core/target/test-classes
 * dev.hotcold.core.engine.HotColdStrategyResults} on a JDK 21 or later. It needs no JUnit.
 */
public final class HotColdStrategyResults {
    private static final long[] SIZES = {10, 100, 1_000, 1_000_000, 1_000_000_000, 1L << 62};
    /** Exhaustive over every secret up to this size; sampled above. */
    private static final long EXHAUSTIVE_UP_TO = 1_000_000;
    private static final int SAMPLED_SECRETS = 100_000;
    private static final int RANDOM_GAMES = 100_000;
    private static final long SEED = 20_240_605L;

    private HotColdStrategyResults() {}

    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        GuessStrategy hotCold = GuessStrategy.hotCold();
        out.println("| n | hotcold worst | hotcold mean | ceil(log2 n) + 1 | best possible worst"
                + " | random worst | random mean (n+1)/2 | random mean, simulated |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (long n : SIZES) {
            Stats stats = n <= EXHAUSTIVE_UP_TO ? exhaustive(hotCold, n) : sampled(hotCold, n);
            String simulated = n <= 1_000
                    ? String.format("%.2f (%,d games)", randomMean(n), RANDOM_GAMES) : "-";
            out.printf("| %s | %d%s | %.3f%s | %d | %s | %s | %s | %s |%n", name(n), stats.worst,
                    stats.sampled ? "*" : "", stats.mean(), stats.sampled ? "*" : "", ceilLog2(n) + 1,
                    bestPossible(n), name(n), half(n), simulated);
        }
        out.printf("%n* sampled: %,d secrets drawn uniformly (seed %d) plus 1, n and the middle;"
                + " the other rows cover every secret.%n%n", SAMPLED_SECRETS, SEED);
        printGroups(out, hotCold);
        printScattered(out, hotCold);
    }

    /** Sizes above the exhaustive test's 2,000, around powers of two and round numbers. */
    private static final int[] SCATTERED = {2_047, 2_049, 3_000, 4_095, 4_097, 10_000, 16_383, 16_385,
        50_000, 65_537, 100_000, 131_071, 200_000, 262_145, 300_000};

    /** Every secret of some larger sizes: the worst excess over ceil(log2 n) + 1. */
    private static void printScattered(PrintStream out, GuessStrategy strategy) {
        int worstExcess = Integer.MIN_VALUE;
        for (int n : SCATTERED) {
            int worst = LongStream.rangeClosed(1, n).parallel()
                    .mapToInt(secret -> play(strategy, n, secret)).max().orElseThrow();
            worstExcess = Math.max(worstExcess, worst - (ceilLog2(n) + 1));
        }
        out.printf("%nEvery secret of %d sizes from %,d to %,d: worst excess over ceil(log2 n) + 1 is %+d%n",
                SCATTERED.length, SCATTERED[0], SCATTERED[SCATTERED.length - 1], worstExcess);
    }

    /**
     * The most numbers k guesses can always settle, k = 1..8, from an exhaustive search of the game
     * tree (no repeats, guesses in the range): 1 to 67 as in the issue; 123 numbers fit 8 guesses
     * and 124 do not (the same search).
     */
    private static final int[] MOST_SETTLED = {0, 1, 2, 5, 10, 20, 35, 67, 123};
    private static final int[][] GROUPS = {{1, 10}, {11, 100}, {101, 1_000}, {1_001, 2_000}};

    /** Worst excess over ceil(log2 n) + 1 per group of sizes, and n <= 123 against the best. */
    private static void printGroups(PrintStream out, GuessStrategy strategy) {
        int[] worst = new int[GROUPS[GROUPS.length - 1][1] + 1];
        double[] mean = new double[worst.length];
        java.util.stream.IntStream.range(1, worst.length).parallel().forEach(n -> {
            int w = 0;
            long total = 0;
            for (long secret = 1; secret <= n; secret++) {
                int guesses = play(strategy, n, secret);
                w = Math.max(w, guesses);
                total += guesses;
            }
            worst[n] = w;
            mean[n] = (double) total / n;
        });
        out.println("| sizes n | worst excess over ceil(log2 n) + 1 | sizes at excess -1 / 0 / +1 / +2"
                + " | mean guesses (all n, all secrets) |");
        out.println("|---|---|---|---|");
        for (int[] group : GROUPS) {
            int excess = Integer.MIN_VALUE;
            int[] atExcess = new int[4];
            double guesses = 0;
            long games = 0;
            for (int n = group[0]; n <= group[1]; n++) {
                int e = worst[n] - (ceilLog2(n) + 1);
                excess = Math.max(excess, e);
                atExcess[Math.min(3, Math.max(0, e + 1))]++;
                guesses += mean[n] * n;
                games += n;
            }
            out.printf("| %,d..%,d | %+d | %d / %d / %d / %d | %.3f |%n", group[0], group[1], excess,
                    atExcess[0], atExcess[1], atExcess[2], atExcess[3], guesses / games);
        }
        int equal = 0;
        int oneMore = 0;
        StringBuilder behind = new StringBuilder();
        for (int n = 1; n <= MOST_SETTLED[MOST_SETTLED.length - 1]; n++) {
            int best = 1;
            while (MOST_SETTLED[best] < n) {
                best++;
            }
            if (worst[n] == best) {
                equal++;
            } else {
                oneMore += worst[n] == best + 1 ? 1 : 0;
                behind.append(n);
                if (worst[n] != best + 1) {
                    behind.append("(+").append(worst[n] - best).append(')');
                }
                behind.append(' ');
            }
        }
        out.printf("%nn = 1..123 against the fewest guesses any strategy needs: equal for %d sizes,"
                + " one more for %d: %s%n", equal, oneMore, behind.toString().strip());
    }

    /** Guesses of one honest game on [1, n], the Correct one included. */
    static int play(GuessStrategy strategy, long n, long secret) {
        Guesser guesser = strategy.newGame(1, n);
        Scorer scorer = new Scorer(secret);
        for (int guesses = 1; ; guesses++) {
            Decision decision = scorer.score(guesser.next());
            if (decision == Decision.CORRECT) {
                return guesses;
            }
            guesser.onReport(decision);
        }
    }

    private static Stats exhaustive(GuessStrategy strategy, long n) {
        return LongStream.rangeClosed(1, n).parallel()
                .mapToObj(secret -> Stats.of(play(strategy, n, secret)))
                .reduce(new Stats(0, 0, 0, false), Stats::plus);
    }

    private static Stats sampled(GuessStrategy strategy, long n) {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] secrets = new long[SAMPLED_SECRETS + 3];
        for (int i = 0; i < SAMPLED_SECRETS; i++) {
            secrets[i] = 1 + random.nextLong(n);
        }
        secrets[SAMPLED_SECRETS] = 1;
        secrets[SAMPLED_SECRETS + 1] = n;
        secrets[SAMPLED_SECRETS + 2] = 1 + n / 2;
        Stats stats = LongStream.of(secrets).parallel()
                .mapToObj(secret -> Stats.of(play(strategy, n, secret)))
                .reduce(new Stats(0, 0, 0, false), Stats::plus);
        return new Stats(stats.worst, stats.total, stats.games, true);
    }

    /** Mean guesses of the seed's strategy over random secrets. */
    private static double randomMean(long n) {
        GuessStrategy random = GuessStrategy.random(SEED);
        SplittableRandom secrets = new SplittableRandom(SEED + 1);
        long total = 0;
        for (int game = 0; game < RANDOM_GAMES; game++) {
            total += play(random, n, 1 + secrets.nextLong(n));
        }
        return (double) total / RANDOM_GAMES;
    }

    /**
     * The fewest guesses that settle every secret, where known: 4 for 10 and 8 for 100 come from an
     * exhaustive search of the game tree (10 numbers fit 4 guesses, 67 fit 7 but 100 do not, and
     * up to 123 fit 8). Elsewhere a lower bound: after a first guess, which tells nothing, each guess
     * can answer Correct, Same (one number) or split the rest in two, so k guesses settle at most
     * 3 * 2^(k-2) - 1 numbers.
     */
    private static String bestPossible(long n) {
        if (n == 10) {
            return "4";
        }
        if (n == 100) {
            return "8";
        }
        int k = 1;
        while (Math.scalb(3.0, k - 2) - 1 < n) {
            k++;
        }
        return ">= " + k;
    }

    private static int ceilLog2(long n) {
        return 64 - Long.numberOfLeadingZeros(n - 1);
    }

    private static String name(long n) {
        return switch (Long.numberOfTrailingZeros(n)) {
            case 62 -> "2^62";
            default -> n >= 1_000_000 ? "10^" + Math.round(Math.log10(n)) : String.format("%,d", n);
        };
    }

    private static String half(long n) {
        return n % 2 == 1 ? String.format("%,d", n / 2 + 1) : String.format("%,d.5", n / 2);
    }

    private record Stats(int worst, long total, long games, boolean sampled) {
        static Stats of(int guesses) {
            return new Stats(guesses, guesses, 1, false);
        }

        Stats plus(Stats other) {
            return new Stats(Math.max(worst, other.worst), total + other.total, games + other.games,
                    sampled);
        }

        double mean() {
            return (double) total / games;
        }
    }
}
