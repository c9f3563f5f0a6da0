package dev.hotcold.core.transport;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.framing.LineFramer;
import dev.hotcold.core.protocol.Wire;
import dev.hotcold.core.session.GameListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a server needs to know, whatever its transport. Every value is checked when the config is
 * built; the defaults suit a server on one machine.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder()
 *         .bindAddress(new InetSocketAddress("127.0.0.1", 4321))
 *         .maxConnections(50_000)
 *         .idleTimeout(Duration.ofMinutes(1))
 *         .strategy(GuessStrategy.random(42))
 *         .build();
 * }</pre>
 *
 * @param bindAddress where to listen; port 0 picks a free port. The in-memory transport uses the
 *     name of an {@code InMemoryAddress} and makes up a unique name for any other address.
 * @param maxConnections the most connections served at once; one more is answered
 *     {@code ERROR server busy} and closed. Default {@value #DEFAULT_MAX_CONNECTIONS}.
 * @param idleTimeout how long a connection may stay silent before the server closes it;
 *     {@link Duration#ZERO} means never. Default 5 minutes. Transports without a clock (in-memory)
 *     ignore it.
 * @param maxLineLength the longest command line accepted, terminator excluded; longer lines are
 *     answered {@code ERROR line too long} and dropped. Default
 *     {@value LineFramer#DEFAULT_MAX_LINE_LENGTH}; at least {@value #MIN_LINE_LENGTH}, the longest
 *     valid command.
 * @param shutdownGracePeriod how long {@link GameServer#close()} lets games finish. Default 10 s.
 * @param strategy how guesses are picked; default the seed's random strategy with a random seed
 * @param listener hears about connections, games, reports and errors; default none
 */
public record ServerConfig(
        SocketAddress bindAddress,
        int maxConnections,
        Duration idleTimeout,
        int maxLineLength,
        Duration shutdownGracePeriod,
        GuessStrategy strategy,
        GameListener listener) {

    /** Default for {@link #maxConnections()}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    /** The longest valid command ({@code PARAMS} with two 20-character bounds), terminator excluded. */
    public static final int MIN_LINE_LENGTH = Wire.MAX_COMMAND_BYTES - 1;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(listener, "listener");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
        }
        if (shutdownGracePeriod.isNegative()) {
            throw new IllegalArgumentException(
                    "shutdownGracePeriod must not be negative, was " + shutdownGracePeriod);
        }
        if (maxLineLength < MIN_LINE_LENGTH || maxLineLength > LineFramer.MAX_MAX_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength must be in [" + MIN_LINE_LENGTH + ", "
                    + LineFramer.MAX_MAX_LINE_LENGTH + "], was " + maxLineLength);
        }
    }

    /** The defaults, listening on 127.0.0.1 at {@code port} (0 for any free port). */
    public static ServerConfig loopback(int port) {
        return builder().bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder()
                .bindAddress(bindAddress)
                .maxConnections(maxConnections)
                .idleTimeout(idleTimeout)
                .maxLineLength(maxLineLength)
                .shutdownGracePeriod(shutdownGracePeriod)
                .strategy(strategy)
                .listener(listener);
    }

    /** Builds a {@link ServerConfig}; {@link #build()} checks the values. */
    public static final class Builder {
        private SocketAddress bindAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private int maxLineLength = LineFramer.DEFAULT_MAX_LINE_LENGTH;
        private Duration shutdownGracePeriod = Duration.ofSeconds(10);
        private GuessStrategy strategy;
        private GameListener listener = GameListener.NONE;

        private Builder() {}

        public Builder bindAddress(SocketAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxLineLength(int maxLineLength) {
            this.maxLineLength = maxLineLength;
            return this;
        }

        public Builder shutdownGracePeriod(Duration shutdownGracePeriod) {
            this.shutdownGracePeriod = shutdownGracePeriod;
            return this;
        }

        public Builder strategy(GuessStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder listener(GameListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * @throws IllegalArgumentException or {@link NullPointerException} naming the bad value
         */
        public ServerConfig build() {
            return new ServerConfig(bindAddress, maxConnections, idleTimeout, maxLineLength,
                    shutdownGracePeriod, strategy != null ? strategy : GuessStrategy.random(), listener);
        }
    }
}
