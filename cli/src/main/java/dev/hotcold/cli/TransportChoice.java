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
            description = "NIO transport: server event loops, at least 1 (default: one fewer than the processors, at least 1).")
    Integer loops;

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
                .completionCandidates(List.of(Kind.blocking.name(), Kind.nio.name()))
                .converters(new SocketKind(why))
                .build());
        return command;
    }

    /** {@code blocking} or {@code nio}, in any case; {@code inmemory} is refused with the command's reason. */
    private record SocketKind(String why) implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            Kind kind;
            try {
                kind = Kind.valueOf(value.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a transport: blocking or nio");
            }
            if (kind == Kind.inmemory) {
                throw new TypeConversionException("inmemory " + why + "; use blocking or nio");
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
            case inmemory -> {
                // No options.
            }
        }
        return Transport.named(chosen.name(), options);
    }
}
