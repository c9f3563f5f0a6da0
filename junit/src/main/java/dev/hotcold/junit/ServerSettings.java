package dev.hotcold.junit;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.transport.inmemory.InMemoryAddress;
import dev.hotcold.transport.inmemory.InMemoryTransport;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the server of each test looks like: from {@link HotColdServer} or from
 * {@link HotColdExtension.Builder}. Immutable.
 *
 * @param strategy makes the strategy of one test's server (the same instance every time when the
 *     user gave one instance)
 * @param customizer applied last to the config builder, for settings with no name here
 */
record ServerSettings(
        Supplier<? extends GuessStrategy> strategy,
        int maxConnections,
        int pipeCapacity,
        Consumer<? super ServerConfig.Builder> customizer) {

    ServerSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(customizer, "customizer");
    }

    static ServerSettings of(HotColdServer annotation) {
        HotColdServer.Strategy kind = annotation.strategy();
        long seed = annotation.seed();
        return new ServerSettings(() -> kind.create(seed), annotation.maxConnections(),
                InMemoryTransport.DEFAULT_PIPE_CAPACITY, builder -> {});
    }

    /** The config of one test's server, under a name of its own. */
    ServerConfig config(InMemoryAddress address) {
        GuessStrategy chosen = Objects.requireNonNull(strategy.get(), "the strategy supplier returned null");
        ServerConfig.Builder builder = ServerConfig.builder()
                .bindAddress(address)
                .strategy(chosen)
                .maxConnections(maxConnections);
        customizer.accept(builder);
        return builder.build();
    }
}
