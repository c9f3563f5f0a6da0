package dev.hotcold.cli;

import dev.hotcold.core.transport.Transport;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --transport} option and the options of each transport, shared by the commands. The
 * transport is found by name ({@link Transport#named}), not by class.
 */
final class TransportChoice {
    /** The transports the command line offers. */
    enum Kind {
        inmemory,
        blocking,
        nio,
        netty,
    }

    /** Thread kinds of the blocking transport, by their option values. */
    enum Threads {
        virtual,
        platform,
    }

    @Option(names = "--transport", paramLabel = "KIND",
            description = "Transport: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--threads", paramLabel = "KIND",
            description = "Blocking transport: ${COMPLETION-CANDIDATES} threads (default: ${DEFAULT-VALUE}).")
    Threads threads = Threads.virtual;

    @Option(names = "--loops", paramLabel = "N", converter = Flags.AtLeastOne.class,
            description = "NIO and Netty transports: server event loops, at least 1 (default: one fewer than the processors,"
                    + " at least 1).")
    Integer loops;

    /** The I/O kinds of the Netty transport, by their option values. */
    enum Io {
        auto,
        nio,
        epoll,
        io_uring,
    }

    @Option(names = "--io", paramLabel = "KIND",
            description = "Netty transport: ${COMPLETION-CANDIDATES}; auto picks the best that loads here, io_uring then"
                    + " epoll then nio (default: ${DEFAULT-VALUE}).")
    Io io = Io.auto;

    /**
     * Narrows {@code command}'s {@code --transport} to the socket transports, for a command that
     * talks to other processes: the help offers only those, and {@code inmemory} is refused while
     * the options are parsed, as a bad value of the flag (exit status 2), with {@code why} as the
     * reason. For a command's model transformer.
     */
    static CommandSpec socketsOnly(CommandSpec command, String why) {
        OptionSpec transport = command.findOption("--transport");
        command.remove(transport);
        command.addOption(OptionSpec.builder(transport)
                .completionCandidates(List.of(Kind.blocking.name(), Kind.nio.name(), Kind.netty.name()))
                .converters(new SocketKind(why))
                .build());
        return command;
    }

    /** {@code blocking}, {@code nio} or {@code netty}, in any case; {@code inmemory} is refused with the command's reason. */
    private record SocketKind(String why) implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            Kind kind;
            try {
                kind = Kind.valueOf(value.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a transport: blocking, nio or netty");
            }
            if (kind == Kind.inmemory) {
                throw new TypeConversionException("inmemory " + why + "; use blocking, nio or netty");
            }
            return kind;
        }
    }

    /** The chosen transport, or {@code fallback} when none was chosen. */
    Transport create(Kind fallback) {
        Kind chosen = kind != null ? kind : fallback;
        Map<String, String> options = new HashMap<>();
        switch (chosen) {
            case blocking -> options.put("threads", threads.name());
            case nio -> {
                if (loops != null) {
                    options.put("serverLoops", loops.toString());
                }
            }
            case netty -> {
                options.put("io", io.name());
                if (loops != null) {
                    options.put("loops", loops.toString());
                }
            }
            case inmemory -> {
                // No options.
            }
        }
        return Transport.named(chosen.name(), options);
    }
}
