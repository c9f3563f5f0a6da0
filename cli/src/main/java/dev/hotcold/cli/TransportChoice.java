package dev.hotcold.cli;

import dev.hotcold.core.transport.Transport;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

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
            description = "NIO transport: server event loops, at least 1 (default: one per processor).")
    Integer loops;

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
