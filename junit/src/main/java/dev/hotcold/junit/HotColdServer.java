package dev.hotcold.junit;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.server.ServerConfig;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the annotated class (or the annotated test method) its own running
 * in-memory game server, with the strategy and limits written here, and connected clients as
 * parameters. After each test the harness closes what it handed out, checks that the test left no
 * connection open, and shuts the server down. {@link HotColdExtension} says what can be injected
 * and what the check does.
 *
 * <pre>{@code
 * @HotColdServer(strategy = HotColdServer.Strategy.HOT_COLD, maxConnections = 2)
 * class StrategyTest {
 *     @Test
 *     void findsTheSecretInTwentyTwoGuesses(GameConnection connection) {
 *         try (Game game = Game.start(connection, 1, 1_000_000, 4242)) {
 *             assertTrue(game.play().size() <= 22);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>An annotation on a test method replaces the one on its class (and a class's replaces its
 * enclosing class's, for {@code @Nested} tests). For a strategy of your own, register
 * {@link HotColdExtension#builder()} with {@code @RegisterExtension} instead; a test class uses one
 * or the other, not both.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(HotColdExtension.class)
public @interface HotColdServer {

    /**
     * How the server picks its guesses.
     *
     * @return the strategy; default {@link Strategy#RANDOM} with {@link #seed()}
     */
    Strategy strategy() default Strategy.RANDOM;

    /**
     * The seed of the {@link Strategy#RANDOM} strategy: the same games get the same guesses, so a
     * test is repeatable. Ignored by other strategies.
     *
     * @return the seed; default 42
     */
    long seed() default 42;

    /**
     * The most connections the server serves at once; one more is answered
     * {@code ERROR server busy}.
     *
     * @return at least 1; default {@value ServerConfig#DEFAULT_MAX_CONNECTIONS}
     */
    int maxConnections() default ServerConfig.DEFAULT_MAX_CONNECTIONS;

    /** The strategies that come with hotcold. */
    enum Strategy {
        /** {@link GuessStrategy#random(long)}: each guess uniform among the numbers not yet guessed. */
        RANDOM,
        /** {@link GuessStrategy#hotCold()}: narrows the candidates with every report. */
        HOT_COLD;

        GuessStrategy create(long seed) {
            return switch (this) {
                case RANDOM -> GuessStrategy.random(seed);
                case HOT_COLD -> GuessStrategy.hotCold();
            };
        }
    }
}
