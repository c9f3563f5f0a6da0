package dev.hotcold.cli.load;

import dev.hotcold.core.client.ClientTimeoutException;
import java.io.EOFException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;

/**
 * What went wrong on a connection, by the name the summary gives it. Connection failures and
 * protocol errors are kept apart so that a report says whether the network or the server broke.
 */
enum ErrorKind {
    /** Nobody listens at the address, or the listen backlog turned the connection away. */
    CONNECT_REFUSED("connect_refused", "nobody listened at the address, or its listen backlog was full"),
    /**
     * The connection was not set up within the connect timeout, or was not set up or first
     * answered when the connect phase ended.
     */
    CONNECT_TIMEOUT("connect_timeout", "not connected, or not first answered, within --connect-timeout"),
    /** Any other failure to connect. */
    CONNECT_FAILED("connect_failed", "could not connect, for another reason"),
    /** The server reset an established connection. */
    RESET("reset", "the server reset the connection"),
    /** The server closed an established connection in the middle of a game. */
    CLOSED("closed", "the server closed the connection in the middle of a game"),
    /** Any other I/O failure on an established connection. */
    IO("io", "another I/O failure on an open connection"),
    /**
     * The server kept an established connection waiting longer than the reply timeout: no reply
     * to a {@code NUMBER}, or the connection's commands not taken.
     */
    TIMEOUT("timeout", "the server kept the connection waiting past --timeout"),
    /** The server answered {@code ERROR <reason>}. */
    SERVER_ERROR("server_error", "the server answered ERROR"),
    /** The server answered a line that is neither a number nor an {@code ERROR} line. */
    UNREADABLE("unreadable", "a reply that is neither a number nor ERROR"),
    /** The server guessed a number outside the game's range. */
    OUT_OF_RANGE("out_of_range", "a guess outside the game's range"),
    /** The server guessed a number it had already guessed in the same game. */
    REPEAT("repeat", "a guess repeated within one game");

    private final String label;
    private final String meaning;

    ErrorKind(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** What the kind means, for the table of errors on stderr. */
    String meaning() {
        return meaning;
    }

    /** The name in the summary and the JSON, for example {@code out_of_range}. */
    String label() {
        return label;
    }

    /** The kind of a failure to connect. */
    static ErrorKind ofConnectFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ClientTimeoutException timedOut) {
            return ofTimeout(timedOut);
        }
        return cause instanceof ConnectException ? CONNECT_REFUSED : CONNECT_FAILED;
    }

    /** The kind of a failure of an established connection. */
    static ErrorKind ofConnectionFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ClientTimeoutException timedOut) {
            return ofTimeout(timedOut);
        }
        if (cause instanceof EOFException) {
            return CLOSED;
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("reset")) {
            return RESET;
        }
        if (message.contains("broken pipe")) {
            return CLOSED;   // we wrote after the server had closed its end
        }
        return IO;
    }

    /** A wait the client's options bound ran out: which one says the kind. */
    private static ErrorKind ofTimeout(ClientTimeoutException timedOut) {
        return switch (timedOut.setting()) {
            case connectTimeout -> CONNECT_TIMEOUT;
            case replyTimeout -> TIMEOUT;
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
