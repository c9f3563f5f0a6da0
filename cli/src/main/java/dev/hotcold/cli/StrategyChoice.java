package dev.hotcold.cli;

import dev.hotcold.core.engine.GuessStrategy;
import picocli.CommandLine.Option;

/** The {@code --strategy} and {@code --seed} options. */
final class StrategyChoice {
    enum Kind {
        /** The book's: uniform among the numbers not guessed yet, ignoring the reports. */
        random,
        /** Listens to Warmer and Colder: about log2 n guesses instead of n / 2. */
        hotcold,
    }

    @Option(names = "--strategy", paramLabel = "NAME",
            description = {"How the server guesses: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                    "random is the book's; hotcold listens to the reports and needs about log2(n) guesses."})
    Kind kind = Kind.random;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for the random strategy, for repeatable games (default: a random seed; hotcold needs none).")
    Long seed;

    GuessStrategy create() {
        return switch (kind) {
            case random -> seed != null ? GuessStrategy.random(seed) : GuessStrategy.random();
            case hotcold -> GuessStrategy.hotCold();
        };
    }
}
