package dev.hotcold.cli.flags;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive duration as a person writes it: seconds ({@code 5}, {@code 0.5}), a number with a
 * unit ({@code 250ms}, {@code 5s}, {@code 2m}) or ISO-8601 ({@code PT1M30S}); at most 365 days.
 * The timeouts of {@code play} and {@code load} read it; a package of its own, below both commands' packages.
 */
public final class TimeoutConverter implements ITypeConverter<Duration> {
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    /** A converter; it holds no state. */
    public TimeoutConverter() {}

    /**
     * The duration {@code value} stands for.
     *
     * @throws TypeConversionException saying what is wrong with {@code value}
     */
    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.strip());
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration");
        }
        if (duration.compareTo(Duration.ofDays(365)) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than 365 days");
        }
        return duration;
    }

    private static Duration parse(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 duration such as PT30S");
            }
        }
        Matcher matcher = NUMBER_AND_UNIT.matcher(value);
        if (!matcher.matches() || matcher.group(1).length() > 12) {
            throw new TypeConversionException("'" + value + "' is not a duration: write seconds (5, 0.5) or 250ms, 5s, 2m");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        long nanosPerUnit = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        };
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than 365 days");
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
