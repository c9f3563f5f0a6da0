package dev.hotcold.cli;

import dev.hotcold.core.engine.GuessStrategy;
import picocli.CommandLine.Option;

/** The {@code --strategy} and {@code --seed} options. */
final class StrategyChoice {
    enum Kind {
        random,
    }

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "How the server guesses: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Kind kind = Kind.random;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for the random strategy, for repeatable games (default: a random seed).")
    Long seed;

    GuessStrategy create() {
        return switch (kind) {
            case random -> seed != null ? GuessStrategy.random(seed) : GuessStrategy.random();
        };
    }
}
