package dev.hotcold.core.client;

import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A server kept a client waiting longer than its {@link ClientOptions} allow. The message names
 * the setting, its value and the server's address, such as
 * {@code no reply from 127.0.0.1:1234 within 30 s (replyTimeout)}; the connection is closed.
 *
 * <pre>{@code
 * try (GameConnection connection = transport.client(options).connect(address)) {
 *     connection.send(new Command.Params(1, 100));
 *     connection.send(Command.NumberRequest.INSTANCE);
 *     Reply guess = connection.receive();
 * } catch (ClientTimeoutException e) {
 *     System.err.println("hotcold: " + e.getMessage());   // ... within 30 s (replyTimeout)
 * }
 * }</pre>
 */
public final class ClientTimeoutException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    /** Which wait ran out. */
    public enum Setting {
        /** {@link ClientOptions#connectTimeout()}. */
        connectTimeout,
        /** {@link ClientOptions#replyTimeout()}. */
        replyTimeout,
    }

    /** Which wait ran out; kept with the exception when it is serialized. */
    private final Setting setting;
    private final transient Duration timeout;
    /** The message without the setting's name; see {@link #reason()}. */
    private final String reason;

    private ClientTimeoutException(Setting setting, Duration timeout, String reason) {
        super(reason + " (" + setting + ")");
        this.setting = setting;
        this.timeout = timeout;
        this.reason = reason;
    }

    /**
     * The connection was not established in time.
     *
     * @param address the server's address, for the message
     * @param timeout the connect timeout that ran out
     * @return the exception, naming {@link Setting#connectTimeout}
     */
    public static ClientTimeoutException connect(SocketAddress address, Duration timeout) {
        return new ClientTimeoutException(Setting.connectTimeout, timeout,
                "cannot connect to " + describe(address) + " within " + describe(timeout));
    }

    /**
     * No reply line came in time.
     *
     * @param address the server's address, for the message
     * @param timeout the reply timeout that ran out
     * @return the exception, naming {@link Setting#replyTimeout}
     */
    public static ClientTimeoutException reply(SocketAddress address, Duration timeout) {
        return new ClientTimeoutException(Setting.replyTimeout, timeout,
                "no reply from " + describe(address) + " within " + describe(timeout));
    }

    /**
     * The server took none of the client's bytes in time: it stopped reading.
     *
     * @param address the server's address, for the message
     * @param timeout the reply timeout that ran out
     * @return the exception, naming {@link Setting#replyTimeout}
     */
    public static ClientTimeoutException send(SocketAddress address, Duration timeout) {
        return new ClientTimeoutException(Setting.replyTimeout, timeout,
                describe(address) + " took no command within " + describe(timeout));
    }

    /**
     * What happened without the setting's name, such as {@code no reply from 127.0.0.1:1234
     * within 30 s}: for a program that names its own option instead, as {@code play --timeout}.
     *
     * @return the message without the setting's name
     */
    public String reason() {
        return reason;
    }

    /**
     * The setting whose wait ran out, as the message names it.
     *
     * @return the setting
     */
    public Setting setting() {
        return setting;
    }

    /**
     * The limit that ran out.
     *
     * @return the limit that ran out
     */
    public Duration timeout() {
        return timeout;
    }

    /** {@code 250 ms}, {@code 10 s}, {@code 1.5 s}: a duration as a person writes it. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 || duration.isNegative()) {
            return duration.toNanos() % 1_000_000 == 0 ? millis + " ms" : duration.toNanos() + " ns";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    private static String describe(SocketAddress address) {
        return dev.hotcold.core.client.Addresses.describe(address);
    }
}
