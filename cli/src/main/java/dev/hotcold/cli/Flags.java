package dev.hotcold.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that check an option's value while picocli parses it, so that a bad value is
 * reported as {@code Invalid value for option '--port': ...}, naming the flag the user wrote,
 * instead of surfacing later as a library message about a field the user never saw.
 */
final class Flags {
    private Flags() {}

    /** The most seconds a duration flag takes: a year, far inside what {@code Duration.toNanos} holds. */
    static final long MAX_SECONDS = 365L * 24 * 60 * 60;

    /** A port to listen on: 0 (any free port) to 65535. */
    static final class ListenPort implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 0, 65_535, "a port from 0 (any free port) to 65535");
        }
    }

    /** A port to connect to: 1 to 65535. */
    static final class ServerPort implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, 65_535, "a port from 1 to 65535");
        }
    }

    /** A count of at least one, such as connections or event loops. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, Integer.MAX_VALUE, "a whole number of at least 1");
        }
    }

    /** A number of seconds, 0 to {@link #MAX_SECONDS}. */
    static final class Seconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, 0, MAX_SECONDS, "a whole number of seconds from 0 to " + MAX_SECONDS);
        }
    }

    /** A host name or address, resolved now so that an unknown host is a flag error. */
    static final class Host implements ITypeConverter<InetAddress> {
        @Override
        public InetAddress convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("the host is empty");
            }
            try {
                return InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                throw new TypeConversionException("unknown host '" + value + "'");
            }
        }
    }

    private static long whole(String value, long min, long max, String expected) {
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not " + expected);
        }
        if (number < min || number > max) {
            throw new TypeConversionException(number + " is not " + expected);
        }
        return number;
    }
}
