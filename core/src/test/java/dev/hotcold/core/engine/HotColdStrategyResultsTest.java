package dev.hotcold.core.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the results table of {@link HotColdStrategyResults}; off by default because it plays some
 * three million games. {@code mvn -B -q -pl core test -Dtest=HotColdStrategyResultsTest
 * -Dhotcold.results=true}
 */
class HotColdStrategyResultsTest {
    @Test
    @EnabledIfSystemProperty(named = "hotcold.results", matches = "true")
    void printTheResultsTable() {
        HotColdStrategyResults.print(System.out);
    }
}
