package dev.hotcold.core.client;

import dev.hotcold.core.protocol.ErrorReason;
import java.util.Optional;

/** The server answered {@code ERROR <reason>}. */
public final class ServerErrorException extends GameException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public ServerErrorException(String reason) {
        super("server replied ERROR " + reason);
        this.reason = reason;
    }

    /** The text after {@code ERROR }. */
    public String reason() {
        return reason;
    }

    /** The reason as one of hotcold's own, when the server is a hotcold server. */
    public Optional<ErrorReason> knownReason() {
        return ErrorReason.fromText(reason);
    }
}
