package dev.hotcold.core.server;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.codec.LineFramer;
import dev.hotcold.core.codec.Wire;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.events.ServerObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import dev.hotcold.core.tls.TlsConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What a server needs to know, whatever its transport. Every value is checked when the config is
 * built, and an error names the setting; the defaults suit a server on one machine. A final class
 * with a builder rather than a record, so that settings can be added without breaking callers.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder()
 *         .bindAddress(new InetSocketAddress("127.0.0.1", 4321))
 *         .maxConnections(50_000)
 *         .idleTimeout(Duration.ofMinutes(1))
 *         .strategy(GuessStrategy.random(42))
 *         .build();
 * }</pre>
 */
public final class ServerConfig {

    /** Default for {@link #maxConnections()}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    /** Default for {@link #backlog()}, used by every transport that listens on a socket. */
    public static final int DEFAULT_BACKLOG = 4096;

    /**
     * The smallest {@link #maxLineLength()} accepted: the longest valid command ({@code PARAMS}
     * with two 20-character bounds, 48 bytes), terminator excluded.
     */
    public static final int MIN_LINE_LENGTH = Wire.MAX_COMMAND_BYTES - 1;

    private final SocketAddress bindAddress;
    private final int maxConnections;
    private final int backlog;
    private final Duration idleTimeout;
    private final Duration lineTimeout;
    private final int maxLineLength;
    private final Duration shutdownGracePeriod;
    private final GuessStrategy strategy;
    private final GameListener listener;
    private final ServerObserver observer;
    private final LongSupplier nanoClock;
    /** Where listener calls run on event-loop transports; null for the transport's default. */
    private final Executor listenerExecutor;
    /** TLS, or null for plain text. */
    private final TlsConfig tls;
    private final Duration handshakeTimeout;

    /** The default {@link #handshakeTimeout()}: 10 seconds. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /** The default {@link #lineTimeout()}: 10 seconds. */
    public static final Duration DEFAULT_LINE_TIMEOUT = Duration.ofSeconds(10);

    /** The default {@link #nanoClock()}: {@link System#nanoTime()}. */
    public static final LongSupplier SYSTEM_NANO_CLOCK = System::nanoTime;

    private ServerConfig(Builder builder) {
        this.bindAddress = Objects.requireNonNull(builder.bindAddress, "bindAddress");
        this.idleTimeout = Objects.requireNonNull(builder.idleTimeout, "idleTimeout");
        this.lineTimeout = Objects.requireNonNull(builder.lineTimeout, "lineTimeout");
        this.shutdownGracePeriod = Objects.requireNonNull(builder.shutdownGracePeriod, "shutdownGracePeriod");
        this.strategy = builder.strategy != null ? builder.strategy : GuessStrategy.random();
        this.listener = Objects.requireNonNull(builder.listener, "listener");
        this.observer = Objects.requireNonNull(builder.observer, "observer");
        this.nanoClock = Objects.requireNonNull(builder.nanoClock, "nanoClock");
        this.listenerExecutor = builder.listenerExecutor;
        this.tls = builder.tls;
        this.handshakeTimeout = Objects.requireNonNull(builder.handshakeTimeout, "handshakeTimeout");
        this.maxConnections = builder.maxConnections;
        this.backlog = builder.backlog;
        this.maxLineLength = builder.maxLineLength;
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, was " + backlog);
        }
        checkDuration(idleTimeout, "idleTimeout");
        checkDuration(lineTimeout, "lineTimeout");
        checkDuration(handshakeTimeout, "handshakeTimeout");
        checkDuration(shutdownGracePeriod, "shutdownGracePeriod");
        if (maxLineLength < MIN_LINE_LENGTH || maxLineLength > LineFramer.MAX_MAX_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength must be in [" + MIN_LINE_LENGTH + ", "
                    + LineFramer.MAX_MAX_LINE_LENGTH + "], was " + maxLineLength);
        }
    }

    /**
     * The longest {@link #idleTimeout()}, {@link #lineTimeout()} and {@link #shutdownGracePeriod()} accepted: a year, far
     * beyond any sane setting and short enough that no nanosecond arithmetic overflows.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(365);

    private static void checkDuration(Duration value, String name) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        if (value.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(name + " must be at most 365 days, was " + value);
        }
    }

    /**
     * The defaults, listening on 127.0.0.1 at {@code port} (0 for any free port).
     *
     * @param port the port to listen on, or 0
     * @return the config
     */
    public static ServerConfig loopback(int port) {
        return builder().bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).build();
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this config's values.
     *
     * @return a new builder, independent of this config
     */
    public Builder toBuilder() {
        return new Builder()
                .bindAddress(bindAddress)
                .maxConnections(maxConnections)
                .backlog(backlog)
                .idleTimeout(idleTimeout)
                .lineTimeout(lineTimeout)
                .maxLineLength(maxLineLength)
                .shutdownGracePeriod(shutdownGracePeriod)
                .strategy(strategy)
                .listener(listener)
                .observer(observer)
                .nanoClock(nanoClock)
                .listenerExecutor(listenerExecutor)
                .tls(tls)
                .handshakeTimeout(handshakeTimeout);
    }

    /**
     * Where to listen; port 0 picks a free port. The in-memory transport uses the name of an
     * {@code InMemoryAddress} and makes up a unique name for any other address.
     *
     * @return the address to bind
     */
    public SocketAddress bindAddress() {
        return bindAddress;
    }

    /**
     * The most connections served at once; one more is answered {@code ERROR server busy} and
     * closed. Default {@value #DEFAULT_MAX_CONNECTIONS}.
     *
     * @return the connection limit
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * How many connections the operating system may queue before the server accepts them.
     * Default {@value #DEFAULT_BACKLOG}; transports without a listening socket ignore it.
     *
     * @return the listen backlog
     */
    public int backlog() {
        return backlog;
    }

    /**
     * How long a connection may stay silent before the server closes it; {@link Duration#ZERO}
     * means never. Default 5 minutes.
     *
     * @return the idle timeout, or {@link Duration#ZERO} for none
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * How long a command line may take to arrive, from its first byte to its line feed;
     * {@link Duration#ZERO} means no bound. A client that trickles a line slower than this (one
     * byte a second, say, which the idle timeout never sees as silence) is answered
     * {@code ERROR line timeout} and closed, and its slot is freed. The bound holds to within the
     * server's scan interval (a quarter of the shortest of the idle and line timeouts, 10 ms to
     * 1 s), plus as long again if the client does not read the error: then the connection is
     * closed without it. The time the server itself holds input back (a listener far behind its
     * events) does not count. Transports with no clock (in memory) do not enforce it. Default 10
     * seconds.
     *
     * @return the line timeout, or {@link Duration#ZERO} for none
     */
    public Duration lineTimeout() {
        return lineTimeout;
    }

    /**
     * The longest command line accepted, terminator excluded; longer lines are answered
     * {@code ERROR line too long} and dropped. Default 1024 ({@link LineFramer#DEFAULT_MAX_LINE_LENGTH});
     * at least {@link #MIN_LINE_LENGTH}.
     *
     * @return the line limit in bytes
     */
    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * How long {@link GameServer#close()} lets games finish. Default 10 s.
     *
     * @return the grace period
     */
    public Duration shutdownGracePeriod() {
        return shutdownGracePeriod;
    }

    /**
     * How guesses are picked; default {@link GuessStrategy#random()}.
     *
     * @return the guess strategy
     */
    public GuessStrategy strategy() {
        return strategy;
    }

    /**
     * Hears about connections, games, reports and errors; default {@link GameListener#NONE}.
     *
     * @return the listener
     */
    public GameListener listener() {
        return listener;
    }

    /**
     * Counts what operators watch (connections, refusals, games, errors, service time), called
     * inline where the work happens: it must be quick and never block. Default
     * {@link ServerObserver#NONE}. The JDK Flight Recorder events a server records need none.
     *
     * @return the observer
     */
    public ServerObserver observer() {
        return observer;
    }

    /**
     * The clock the idle timeout is measured with, in nanoseconds as {@link System#nanoTime()}
     * counts them (only differences matter). Default {@link #SYSTEM_NANO_CLOCK}; tests pass a
     * fake one to move time on without waiting.
     *
     * @return the clock
     */
    public LongSupplier nanoClock() {
        return nanoClock;
    }

    /**
     * Where the listener is called on a transport whose threads each serve many connections
     * (NIO's event loops), if not the transport's default: a virtual thread per connection's
     * batch of events, so that a slow listener holds up its own connection only, never a loop.
     * That costs a thread hand-off per batch; a listener that is quick and never blocks can be
     * called on the loops instead, with {@code Runnable::run}. Transports that give each
     * connection a thread of its own (or run it on its client's) call the listener there, and
     * ignore this. Whatever the executor, a connection's events arrive in order, one at a time.
     *
     * <pre>{@code
     * ServerConfig.builder().listener(metrics).listenerExecutor(Runnable::run).build();   // on the loops
     * }</pre>
     *
     * @return the executor, or empty for the transport's default
     */
    public Optional<Executor> listenerExecutor() {
        return Optional.ofNullable(listenerExecutor);
    }

    /**
     * TLS for every connection, or empty for plain text. With TLS a connection is admitted (and
     * holds its slot) from accept, and its events begin once the handshake is done; a client over
     * the limit is closed without {@code ERROR server busy}, which it could not read before a
     * handshake. Transports without sockets (in-memory) refuse to serve a config with TLS.
     *
     * @return the TLS settings, or empty; empty by default
     */
    public Optional<TlsConfig> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * How long a TLS handshake may take from accept before the connection is closed, so that a
     * client that stalls mid-handshake cannot hold a slot; {@link Duration#ZERO} for no bound.
     * Without TLS it does nothing.
     *
     * @return the handshake timeout; default {@link #DEFAULT_HANDSHAKE_TIMEOUT}
     */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerConfig that
                && bindAddress.equals(that.bindAddress)
                && maxConnections == that.maxConnections
                && backlog == that.backlog
                && idleTimeout.equals(that.idleTimeout)
                && lineTimeout.equals(that.lineTimeout)
                && maxLineLength == that.maxLineLength
                && shutdownGracePeriod.equals(that.shutdownGracePeriod)
                && strategy.equals(that.strategy)
                && listener.equals(that.listener)
                && observer.equals(that.observer)
                && nanoClock.equals(that.nanoClock)
                && Objects.equals(listenerExecutor, that.listenerExecutor)
                && Objects.equals(tls, that.tls)
                && handshakeTimeout.equals(that.handshakeTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bindAddress, maxConnections, backlog, idleTimeout, lineTimeout, maxLineLength,
                shutdownGracePeriod, strategy, listener, observer, nanoClock, listenerExecutor, tls, handshakeTimeout);
    }

    @Override
    public String toString() {
        return "ServerConfig[bindAddress=" + Addresses.describe(bindAddress) + ", maxConnections=" + maxConnections
                + ", backlog=" + backlog + ", idleTimeout=" + idleTimeout + ", lineTimeout=" + lineTimeout
                + ", maxLineLength=" + maxLineLength
                + ", shutdownGracePeriod=" + shutdownGracePeriod + ", strategy=" + strategy
                + (tls == null ? "" : ", tls=" + tls + ", handshakeTimeout=" + handshakeTimeout) + "]";
    }

    /** Builds a {@link ServerConfig}; {@link #build()} checks the values. */
    public static final class Builder {
        private SocketAddress bindAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int backlog = DEFAULT_BACKLOG;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private Duration lineTimeout = DEFAULT_LINE_TIMEOUT;
        private int maxLineLength = LineFramer.DEFAULT_MAX_LINE_LENGTH;
        private Duration shutdownGracePeriod = Duration.ofSeconds(10);
        private GuessStrategy strategy;
        private GameListener listener = GameListener.NONE;
        private ServerObserver observer = ServerObserver.NONE;
        private LongSupplier nanoClock = SYSTEM_NANO_CLOCK;
        private Executor listenerExecutor;
        private TlsConfig tls;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

        private Builder() {}

        /**
         * See {@link ServerConfig#bindAddress()}.
         *
         * @param bindAddress the address to bind
         * @return this builder
         */
        public Builder bindAddress(SocketAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * See {@link ServerConfig#maxConnections()}.
         *
         * @param maxConnections the connection limit, at least 1
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * See {@link ServerConfig#backlog()}.
         *
         * @param backlog the listen backlog, at least 1
         * @return this builder
         */
        public Builder backlog(int backlog) {
            this.backlog = backlog;
            return this;
        }

        /**
         * See {@link ServerConfig#idleTimeout()}.
         *
         * @param idleTimeout the idle timeout, from {@link Duration#ZERO} (none) to {@link ServerConfig#MAX_DURATION}
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * See {@link ServerConfig#lineTimeout()}.
         *
         * @param lineTimeout the time a line may take from its first byte to its line feed, from
         *     {@link Duration#ZERO} (no bound) to {@link ServerConfig#MAX_DURATION}
         * @return this builder
         */
        public Builder lineTimeout(Duration lineTimeout) {
            this.lineTimeout = lineTimeout;
            return this;
        }

        /**
         * See {@link ServerConfig#maxLineLength()}.
         *
         * @param maxLineLength the line limit, from {@link ServerConfig#MIN_LINE_LENGTH} to
         *     {@link LineFramer#MAX_MAX_LINE_LENGTH}
         * @return this builder
         */
        public Builder maxLineLength(int maxLineLength) {
            this.maxLineLength = maxLineLength;
            return this;
        }

        /**
         * See {@link ServerConfig#shutdownGracePeriod()}.
         *
         * @param shutdownGracePeriod the grace period, from zero to {@link ServerConfig#MAX_DURATION}
         * @return this builder
         */
        public Builder shutdownGracePeriod(Duration shutdownGracePeriod) {
            this.shutdownGracePeriod = shutdownGracePeriod;
            return this;
        }

        /**
         * See {@link ServerConfig#strategy()}.
         *
         * @param strategy the guess strategy
         * @return this builder
         */
        public Builder strategy(GuessStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /**
         * See {@link ServerConfig#listener()}.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(GameListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * See {@link ServerConfig#observer()}.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(ServerObserver observer) {
            this.observer = observer;
            return this;
        }

        /**
         * See {@link ServerConfig#nanoClock()}.
         *
         * @param nanoClock the clock
         * @return this builder
         */
        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        /**
         * See {@link ServerConfig#listenerExecutor()}.
         *
         * @param listenerExecutor where listener calls run on event-loop transports, or null for
         *     the transport's default; it must run every task it accepts
         * @return this builder
         */
        public Builder listenerExecutor(Executor listenerExecutor) {
            this.listenerExecutor = listenerExecutor;
            return this;
        }

        /**
         * See {@link ServerConfig#tls()}.
         *
         * @param tls the TLS settings, with key material; null for plain text
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = tls;
            return this;
        }

        /**
         * See {@link ServerConfig#handshakeTimeout()}.
         *
         * @param handshakeTimeout from {@link Duration#ZERO} (no bound) to {@link ServerConfig#MAX_DURATION}
         * @return this builder
         */
        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
            return this;
        }

        /**
         * Makes the config, checking every value.
         *
         * @return the checked config
         * @throws IllegalArgumentException or {@link NullPointerException} naming the bad setting
         */
        public ServerConfig build() {
            return new ServerConfig(this);
        }
    }
}
