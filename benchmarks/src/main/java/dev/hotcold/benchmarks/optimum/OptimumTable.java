package dev.hotcold.benchmarks.optimum;

import dev.hotcold.core.engine.ExactOptimum;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.scoring.Scorer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the table of {@code benchmarks/results/optimum.txt}: for every range size n from 1 to
 * {@code --to} (124 by default), the fewest guesses any strategy needs, by the exact search in
 * {@link ExactOptimum#settles}, with the proof on both sides (that many settle it, one fewer does
 * not), next to ceil(log2 n) + 1 and the worst case of {@link GuessStrategy#hotCold()} over every
 * secret. Then, per number of guesses k, the largest n of the table that k guesses settle.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar optimum > benchmarks/results/optimum.txt
 * ./hotcold bench optimum --to 130        the same through the launcher, further
 * </pre>
 *
 * Sizes past 124 cost about half a minute each up to n = 140 (proving that 8 guesses are not
 * enough), and proving where 9 guesses stop takes longer than this machine was given.
 */
public final class OptimumTable {
    /** The command that writes the checked-in table; printed in its header. */
    static final String COMMAND = "java -jar benchmarks/target/benchmarks.jar optimum --to 124 > benchmarks/results/optimum.txt";

    private OptimumTable() {}

    /**
     * Runs the generator.
     *
     * @param args {@code [--to N]}
     * @param out where the table goes
     * @param err where usage errors go
     * @return the exit status: 0, or 2 for bad arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        int to = 124;
        for (int index = 0; index < args.length; index++) {
            if (args[index].equals("--to") && index + 1 < args.length) {
                try {
                    to = Integer.parseInt(args[++index]);
                } catch (NumberFormatException e) {
                    to = -1;
                }
                if (to < 1 || to > ExactOptimum.MAX_SEARCH_SIZE) {
                    err.println("optimum: --to must be from 1 to " + ExactOptimum.MAX_SEARCH_SIZE + ", not " + args[index]);
                    return 2;
                }
            } else {
                err.println("optimum: unknown argument " + args[index] + " (usage: optimum [--to N])");
                return 2;
            }
        }
        out.println("# The fewest guesses that settle every secret of a range of n numbers (the Correct guess");
        out.println("# counted), by exact minimax search of the game tree (dev.hotcold.core.engine.ExactOptimum):");
        out.println("# for each n, 'optimum' guesses settle it and optimum - 1 do not, both searched.");
        out.println("# 'log2+1' is ceil(log2 n) + 1; 'hotcold' is the worst case of GuessStrategy.hotCold() over");
        out.println("# every secret of [1, n]; 'seconds' is the search's time for that n.");
        out.println("# Regenerate (after mvn -pl benchmarks -am package -DskipTests):");
        out.println("#   " + COMMAND);
        out.println("#");
        out.println("# n optimum log2+1 hotcold seconds");
        long started = System.nanoTime();
        List<Integer> optimum = new ArrayList<>();
        optimum.add(0);
        int guesses = 1;
        for (int n = 1; n <= to; n++) {
            long start = System.nanoTime();
            while (!ExactOptimum.settles(n, guesses)) {
                guesses++;
            }
            while (guesses > 1 && ExactOptimum.settles(n, guesses - 1)) {
                guesses--;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            optimum.add(guesses);
            out.printf("%d %d %d %d %.2f%n", n, guesses, ceilLog2(n) + 1, worstCase(n), seconds);
            out.flush();
        }
        out.println("#");
        out.println("# k: the largest n above that k guesses settle");
        for (int k = 1; k <= optimum.get(to); k++) {
            int largest = 0;
            for (int n = 1; n <= to; n++) {
                if (optimum.get(n) <= k) {
                    largest = n;
                }
            }
            boolean proven = largest < to;
            out.printf("# %d: %d%s%n", k, largest, proven ? "" : " or more (the table ends there)");
        }
        out.printf("# total search time %.0f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** ceil(log2 n) for n >= 1. */
    static int ceilLog2(int n) {
        return 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    /** The most guesses hotCold() makes on [1, n], over every secret, reports from a Scorer. */
    static int worstCase(int n) {
        GuessStrategy strategy = GuessStrategy.hotCold();
        int worst = 0;
        for (int secret = 1; secret <= n; secret++) {
            Guesser guesser = strategy.newGame(1, n);
            Scorer scorer = new Scorer(secret);
            int made = 0;
            Decision decision;
            do {
                made++;
                decision = scorer.score(guesser.next());
                guesser.onReport(decision);
            } while (decision != Decision.CORRECT);
            worst = Math.max(worst, made);
        }
        return worst;
    }
}
