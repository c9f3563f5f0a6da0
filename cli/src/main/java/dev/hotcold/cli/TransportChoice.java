package dev.hotcold.cli;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.inmemory.InMemoryTransport;
import picocli.CommandLine.Option;

/** The {@code --transport} option and what it needs, shared by the commands. */
final class TransportChoice {
    /** The transports the command line knows. */
    enum Kind {
        inmemory,
    }

    @Option(names = "--transport", paramLabel = "KIND",
            description = "Transport: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Kind kind = Kind.inmemory;

    Transport create() {
        return switch (kind) {
            case inmemory -> new InMemoryTransport();
        };
    }
}
