package dev.hotcold.cli;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.blocking.BlockingTransport;
import dev.hotcold.transport.blocking.ThreadKind;
import dev.hotcold.transport.inmemory.InMemoryTransport;
import dev.hotcold.transport.nio.NioTransport;
import picocli.CommandLine.Option;

/** The {@code --transport} option and the options of each transport, shared by the commands. */
final class TransportChoice {
    /** The transports the command line knows. */
    enum Kind {
        inmemory,
        blocking,
        nio,
    }

    /** Thread kinds by their command-line names. */
    enum Threads {
        virtual(ThreadKind.VIRTUAL),
        platform(ThreadKind.PLATFORM);

        final ThreadKind kind;

        Threads(ThreadKind kind) {
            this.kind = kind;
        }
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
        return switch (kind != null ? kind : fallback) {
            case inmemory -> new InMemoryTransport();
            case blocking -> new BlockingTransport(threads.kind);
            case nio -> {
                NioTransport.Builder nio = NioTransport.builder();
                if (loops != null) {
                    nio.serverLoops(loops);
                }
                yield nio.build();
            }
        };
    }
}
