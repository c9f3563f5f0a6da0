package dev.hotcold.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static Map<ErrorKind, Long> errors(Object... kindsAndCounts) {
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, 0L);
        }
        for (int i = 0; i < kindsAndCounts.length; i += 2) {
            errors.put((ErrorKind) kindsAndCounts[i], ((Number) kindsAndCounts[i + 1]).longValue());
        }
        return errors;
    }

    @Test
    void summaryLineIsExactlyTheDocumentedOne() {
        LoadReport report = new LoadReport(1000, 51234, 2.0004, 81, 240, errors(), 16, 100, 0, 3.1234, 1200, 60000);
        assertEquals("games=1000 roundtrips=51234 seconds=2.000 games_per_s=500 roundtrips_per_s=25612 p50_us=81 p99_us=240 errors=0"
                        + " elapsed_s=3.123",
                report.summaryLine());
        assertEquals(List.of(), report.errorTable(), "no errors, no table");
    }

    @Test
    void errorsAddUpAndAreNamedByKind() {
        LoadReport report = new LoadReport(0, 0, 1, 0, 0, errors(ErrorKind.TIMEOUT, 3, ErrorKind.REPEAT, 2), 5, 10, 3, 12.5, 0, 7);
        assertEquals(5, report.errors());
        assertEquals(List.of(
                "hotcold load: 5 error(s), by kind:",
                "  kind     count  meaning",
                "  timeout      3  the server kept the connection waiting past --timeout",
                "  repeat       2  a guess repeated within one game"), report.errorTable());
        assertEquals("games=0 roundtrips=0 seconds=1.000 games_per_s=0 roundtrips_per_s=0 p50_us=0 p99_us=0 errors=5"
                + " elapsed_s=12.500",
                report.summaryLine());
        assertEquals("{\"games\":0,\"roundtrips\":0,\"seconds\":1.000,\"games_per_s\":0,\"roundtrips_per_s\":0,"
                + "\"p50_us\":0,\"p99_us\":0,\"errors\":5,\"elapsed_s\":12.500,\"errors_by_kind\":{\"connect_refused\":0,\"connect_timeout\":0,"
                + "\"connect_failed\":0,\"reset\":0,\"closed\":0,\"io\":0,\"timeout\":3,\"server_error\":0,"
                + "\"unreadable\":0,\"out_of_range\":0,\"repeat\":2},\"connections\":5,\"range\":10,\"stalled\":3,"
                + "\"total_games\":0,\"total_roundtrips\":7}",
                report.json());
    }

    @Test
    void aRunThatMeasuredNothingHasNoRates() {
        LoadReport report = new LoadReport(0, 0, 0, 0, 0, errors(ErrorKind.CONNECT_REFUSED, 1), 1, 1, 0, 0.01, 0, 0);
        assertEquals(0, report.roundTripsPerSecond());
        assertEquals(0, report.gamesPerSecond());
    }
}
