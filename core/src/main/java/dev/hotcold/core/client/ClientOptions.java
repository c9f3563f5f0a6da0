package dev.hotcold.core.client;

import java.time.Duration;
import dev.hotcold.core.tls.TlsConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a client waits for a server: to accept the connection, and to answer or take the
 * client's bytes. They are given once, to a client ({@code transport.client(options)}, a
 * {@link GameClient}); a transport's own {@code connect} and {@code connectAsync} use
 * {@link #defaults()}.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *         .connectTimeout(Duration.ofSeconds(2))
 *         .replyTimeout(Duration.ofSeconds(5))
 *         .build();
 * try (GameConnection connection = transport.client(options).connect(address)) {
 *     ...   // a silent server now fails with ClientTimeoutException instead of a hang
 * }
 * }</pre>
 *
 * <p>A timeout fails the call with a {@link ClientTimeoutException} (an
 * {@link java.net.SocketTimeoutException}) naming the setting and the address, fails the
 * asynchronous stage with it, and closes the connection: after a timeout the stream of replies can
 * no longer be trusted to line up with the commands. Immutable and thread-safe.
 */
public final class ClientOptions {
    /** How long connecting may take by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a reply may take by default. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(30);

    private static final ClientOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration replyTimeout;
    private final TlsConfig tls;

    private ClientOptions(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.replyTimeout = builder.replyTimeout;
        this.tls = builder.tls;
    }

    /**
     * Connect within 10 s, replies within 30 s.
     *
     * @return the default options
     */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder that starts from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from these options.
     *
     * @return a builder holding these options' values
     */
    public Builder toBuilder() {
        return new Builder().connectTimeout(connectTimeout).replyTimeout(replyTimeout).tls(tls);
    }

    /**
     * How long establishing the connection may take. Transports whose connect never waits (the
     * in-memory one) have nothing to time.
     *
     * @return the connect timeout; default {@link #DEFAULT_CONNECT_TIMEOUT}
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long the client waits for the server while it owes the client something: the next line
     * of a reply, or room for the client's commands (a server that stops reading). Closing a
     * connection waits at most this long for commands sent before the close to go out.
     *
     * @return the reply timeout; default {@link #DEFAULT_REPLY_TIMEOUT}
     */
    public Duration replyTimeout() {
        return replyTimeout;
    }

    /**
     * TLS for every connection, or empty for plain text. The handshake is part of connecting: it
     * must be done within the connect timeout. Transports without sockets (in-memory) refuse to
     * connect with TLS.
     *
     * @return the TLS settings (what to trust, and a certificate to show if the server asks), or empty
     */
    public Optional<TlsConfig> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientOptions that
                && connectTimeout.equals(that.connectTimeout)
                && replyTimeout.equals(that.replyTimeout)
                && Objects.equals(tls, that.tls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, replyTimeout, tls);
    }

    @Override
    public String toString() {
        return "ClientOptions[connectTimeout=" + ClientTimeoutException.describe(connectTimeout)
                + ", replyTimeout=" + ClientTimeoutException.describe(replyTimeout)
                + (tls == null ? "" : ", tls=" + tls) + "]";
    }

    /** Options of a client, each checked when set; errors name the setting. */
    public static final class Builder {
        /** Longer than any sane wait, and short enough that nanosecond arithmetic cannot overflow. */
        private static final Duration MAX = Duration.ofDays(365);

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration replyTimeout = DEFAULT_REPLY_TIMEOUT;
        private TlsConfig tls;

        private Builder() {}

        /**
         * See {@link ClientOptions#tls()}.
         *
         * @param tls the TLS settings; null for plain text
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = tls;
            return this;
        }

        /**
         * How long connecting may take; positive, at most a year.
         *
         * @param timeout the connect timeout
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive or longer than a year
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = checked(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long the server may keep the client waiting; positive, at most a year.
         *
         * @param timeout the reply timeout
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive or longer than a year
         */
        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = checked(timeout, "replyTimeout");
            return this;
        }

        /**
         * The options set so far; values were checked as they were set.
         *
         * @return the options
         */
        public ClientOptions build() {
            return new ClientOptions(this);
        }

        private static Duration checked(Duration timeout, String name) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + ClientTimeoutException.describe(timeout));
            }
            if (timeout.compareTo(MAX) > 0) {
                throw new IllegalArgumentException(name + " must be at most 365 days, was " + ClientTimeoutException.describe(timeout));
            }
            return timeout;
        }
    }
}
