package dev.hotcold.junit;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.lab.Duel;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.inmemory.InMemoryAddress;
import dev.hotcold.transport.inmemory.InMemoryTransport;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit Jupiter extension that gives each test a running in-memory game server and connected
 * clients, then puts them away and fails the test if it left a connection open: grpc-java's
 * {@code GrpcCleanupRule} with the server made for you, for testing game code and
 * {@link GuessStrategy strategies} without sockets.
 *
 * <p>A test method (or its {@code @BeforeEach} and {@code @AfterEach} methods) declares what it
 * wants as parameters:
 * <ul>
 *   <li>{@link GameServer}: the test's server, under a name of its own;</li>
 *   <li>{@link GameConnection}: a blocking client connected to it, a new one per parameter;</li>
 *   <li>{@link AsyncGameConnection}: an asynchronous client connected to it, likewise;</li>
 *   <li>{@link Transport}: the in-memory transport, to open more connections or servers.</li>
 * </ul>
 * One test method and its {@code @BeforeEach}/{@code @AfterEach} methods share one server.
 *
 * <p>With a strategy of your own, register it with {@code @RegisterExtension}:
 *
 * <pre>{@code
 * class MyStrategyTest {
 *     @RegisterExtension
 *     static final HotColdExtension hotcold = HotColdExtension.builder()
 *             .strategy(new MyStrategy())
 *             .maxConnections(4)
 *             .build();
 *
 *     @Test
 *     void findsTheSecret(GameConnection connection) {
 *         try (Game game = Game.start(connection, 1, 100, 42)) {
 *             assertTrue(game.play().size() <= 8);
 *         }
 *     }
 *
 *     @Test
 *     void countsTheConnectionsOpen(GameServer server, Transport transport) throws IOException {
 *         try (GameConnection first = transport.connect(server.address())) {
 *             assertEquals(1, server.connectionCount());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>A {@link Duel} parameter plays the server's strategy in memory, with no connection: against the
 * adversary, every secret of a range or random secrets, for its worst and mean number of guesses.
 *
 * <pre>{@code
 * @Test
 * void neverNeedsMoreThan12GuessesOnAThousandNumbers(Duel duel) {
 *     assertTrue(duel.everySecret(1, 1000).worst() <= 12);
 *     assertTrue(duel.againstAdversary(1, 1_000_000).worst() <= 22);
 * }
 * }</pre>
 *
 * <p>With a strategy that comes with hotcold, {@link HotColdServer @HotColdServer} on the class or
 * method says the same in one line. A class uses one or the other, not both.
 *
 * <h2>After each test</h2>
 * After the test and its {@code @AfterEach} methods, the harness
 * <ol>
 *   <li>closes the connections it handed out as parameters (they are the harness's to close);</li>
 *   <li>closes every connection the test opened itself through the given {@code Transport} and left
 *       open, and fails the test naming each one: its type, number, server and the line of code
 *       that opened it;</li>
 *   <li>fails the test if a server still counts connections then, opened some other way (another
 *       {@code InMemoryTransport}, say);</li>
 *   <li>shuts down every server it started ({@code shutdownNow()}) and fails the test if one does
 *       not terminate.</li>
 * </ol>
 * Everything is put away before the failure is reported, so one leaking test does not spoil the
 * next. When the test itself failed, JUnit reports the leak as a suppressed exception.
 *
 * <h2>Threads and lifecycle</h2>
 * The extension is immutable and may be shared by every test of a class, including tests run in
 * parallel: each test gets its own transport, server and connections, kept in that test's
 * {@link ExtensionContext}. The server and transport given to a test are thread-safe and may be
 * used from threads the test starts; each connection is used by one thread at a time, as any
 * {@code GameConnection}. Nothing outlives the test; a server or connection is per test method, so
 * {@code @BeforeAll} methods and constructors cannot take one. The in-memory transport starts no
 * thread: the server's sessions run on the test's threads.
 */
public final class HotColdExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HotColdExtension.class);
    private static final Set<Class<?>> INJECTED =
            Set.of(GameServer.class, GameConnection.class, AsyncGameConnection.class, Transport.class, Duel.class);

    /** The settings from the builder, or empty when they come from {@link HotColdServer}. */
    private final Optional<ServerSettings> settings;

    /**
     * The extension behind {@link HotColdServer}: it reads the nearest {@code @HotColdServer} of
     * each test. To configure it in code, use {@link #builder()}.
     */
    public HotColdExtension() {
        this.settings = Optional.empty();
    }

    private HotColdExtension(ServerSettings settings) {
        this.settings = Optional.of(settings);
    }

    /**
     * A builder for an extension registered with {@code @RegisterExtension}.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        String name = describe(parameter);
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("hotcold harness: the " + type.getSimpleName()
                    + " of " + name + " would outlive a test; the harness gives a server per test,"
                    + " so take it in a @Test, @BeforeEach or @AfterEach method");
        }
        Harness harness = harness(context);
        try {
            if (type == GameServer.class) {
                return harness.server();
            }
            if (type == Transport.class) {
                return harness.transport();
            }
            if (type == Duel.class) {
                return Duel.of(harness.server().config().strategy());
            }
            if (type == GameConnection.class) {
                return harness.connect(name);
            }
            return harness.connectAsync(name);
        } catch (IOException | CompletionException e) {
            throw new ParameterResolutionException("hotcold harness could not connect " + name + ": "
                    + (e instanceof CompletionException ? e.getCause() : e), e);
        }
    }

    /** Puts away what the test was given and checks that it left nothing open. */
    @Override
    public void afterEach(ExtensionContext context) {
        Harness harness = context.getStore(NAMESPACE).remove(Harness.class, Harness.class);
        if (harness != null) {
            harness.close();
        }
    }

    private Harness harness(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Harness.class, key -> {
            ServerSettings chosen = settings.orElseGet(() -> ServerSettings.of(nearestAnnotation(context)));
            String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName() + "()";
            try {
                return new Harness(chosen, test);
            } catch (IOException | RuntimeException e) {
                throw new ParameterResolutionException("hotcold harness could not start the server of " + test + ": "
                        + e.getMessage(), e);
            }
        }, Harness.class);
    }

    /** The {@code @HotColdServer} of the test method, else of its class, else of an enclosing class. */
    private static HotColdServer nearestAnnotation(ExtensionContext context) {
        for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
            Optional<HotColdServer> found = AnnotationSupport.findAnnotation(at.get().getElement(), HotColdServer.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ParameterResolutionException("hotcold harness: no @HotColdServer on "
                + context.getRequiredTestMethod() + " or its class; annotate one, or register the extension with"
                + " HotColdExtension.builder()");
    }

    private static String describe(ParameterContext parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        return "parameter " + parameter.getIndex() + " (" + parameter.getParameter().getType().getSimpleName()
                + ") of " + executable.getDeclaringClass().getSimpleName() + "." + executable.getName() + "()";
    }

    /**
     * Builds a {@link HotColdExtension} in code: a strategy of your own and any server setting.
     * Every value is checked by {@link #build()}, with the error naming the setting.
     *
     * <pre>{@code
     * @RegisterExtension
     * static final HotColdExtension hotcold = HotColdExtension.builder()
     *         .strategyPerTest(() -> new MyStrategy(42))
     *         .configure(config -> config.maxLineLength(64))
     *         .build();
     * }</pre>
     *
     * <p>Not thread-safe; the extension it builds is.
     */
    public static final class Builder {
        private Supplier<? extends GuessStrategy> strategy = () -> GuessStrategy.random(42);
        private int maxConnections = ServerConfig.DEFAULT_MAX_CONNECTIONS;
        private int pipeCapacity = InMemoryTransport.DEFAULT_PIPE_CAPACITY;
        private Consumer<? super ServerConfig.Builder> customizer = config -> {};

        private Builder() {}

        /**
         * The strategy of every test's server: the same instance for all of them, so it must be
         * thread-safe (as any server's strategy), and any state it keeps across games it keeps
         * across tests. Default: {@code GuessStrategy.random(42)}, a fresh one per test.
         *
         * @param strategy the strategy of every test's server
         * @return this builder
         */
        public Builder strategy(GuessStrategy strategy) {
            Objects.requireNonNull(strategy, "strategy");
            this.strategy = () -> strategy;
            return this;
        }

        /**
         * Makes a fresh strategy for each test's server, so that no test sees another's state.
         *
         * @param strategies called once per test, on the test's thread
         * @return this builder
         */
        public Builder strategyPerTest(Supplier<? extends GuessStrategy> strategies) {
            this.strategy = Objects.requireNonNull(strategies, "strategies");
            return this;
        }

        /**
         * The most connections each test's server serves at once; one more is answered
         * {@code ERROR server busy}. Default {@value ServerConfig#DEFAULT_MAX_CONNECTIONS}.
         *
         * @param maxConnections at least 1
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Bytes each in-memory pipe holds before a writer waits. Default
         * {@value InMemoryTransport#DEFAULT_PIPE_CAPACITY}.
         *
         * @param pipeCapacity at least one command or reply long
         * @return this builder
         */
        public Builder pipeCapacity(int pipeCapacity) {
            this.pipeCapacity = pipeCapacity;
            return this;
        }

        /**
         * Any other server setting (line length, listener, ...), applied last to each test's
         * {@link ServerConfig.Builder}; the harness chooses the bind address.
         *
         * @param customizer called once per test, and once by {@link #build()} to check the values
         * @return this builder
         */
        public Builder configure(Consumer<? super ServerConfig.Builder> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Checks the settings and builds the extension.
         *
         * @return an extension to register with {@code @RegisterExtension}
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public HotColdExtension build() {
            new InMemoryTransport(pipeCapacity);   // checks pipeCapacity; holds nothing
            ServerSettings built = new ServerSettings(strategy, maxConnections, pipeCapacity, customizer);
            // Fails here, when the test class loads, rather than in every test.
            new ServerSettings(() -> GuessStrategy.random(0), maxConnections, pipeCapacity, customizer)
                    .config(InMemoryAddress.unique("hotcold-junit-check"));
            return new HotColdExtension(built);
        }
    }
}
