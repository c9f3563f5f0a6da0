package dev.hotcold.benchmarks.optimum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.engine.ExactOptimum;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checked-in table, {@code benchmarks/results/optimum.txt}, against what computes it: its
 * rows agree with core's built-in table, and the generator run again gives its first rows.
 */
class OptimumTableFileTest {
    private static final Path FILE = Path.of("results", "optimum.txt");

    private static List<String[]> rows() throws IOException {
        return Files.readAllLines(FILE).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.trim().split(" +"))
                .toList();
    }

    @Test
    void everyRowAgreesWithCoresTable() throws IOException {
        List<String[]> rows = rows();
        assertEquals(ExactOptimum.TABLE_SIZE + 1, rows.size(), "n = 1 to the table's size, and one past it");
        for (String[] row : rows) {
            int n = Integer.parseInt(row[0]);
            int optimum = Integer.parseInt(row[1]);
            if (n <= ExactOptimum.TABLE_SIZE) {
                assertEquals(ExactOptimum.known(n).getAsInt(), optimum, "n = " + n);
                assertEquals(optimum, Integer.parseInt(row[3]), "hotcold plays the optimum at n = " + n);
            } else {
                assertEquals(ExactOptimum.mostSettled(optimum - 1) < n, true, "n = " + n + " needs " + optimum);
            }
            assertEquals(OptimumTable.ceilLog2(n) + 1, Integer.parseInt(row[2]), "n = " + n);
        }
        assertTrue(Files.readString(FILE).contains(OptimumTable.COMMAND), "the file names the command that makes it");
    }

    @Test
    void theGeneratorGivesTheFirstRowsAgain() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = OptimumTable.run(new String[] {"--to", "40"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, status);
        List<String> again = out.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#")).map(OptimumTableFileTest::withoutSeconds).toList();
        List<String> checkedIn = Files.readAllLines(FILE).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).limit(40)
                .map(OptimumTableFileTest::withoutSeconds).toList();
        assertEquals(checkedIn, again);
    }

    private static String withoutSeconds(String row) {
        return row.substring(0, row.lastIndexOf(' '));
    }
}
