package dev.hotcold.core.client;

import dev.hotcold.core.protocol.ErrorReason;
import java.util.Optional;

/** The server answered {@code ERROR <reason>}. */
public final class ServerErrorException extends GameException {
    private static final long serialVersionUID = 1L;

    /** The text after {@code ERROR }, as the server sent it. */
    private final String reason;

    /**
     * An exception for the server's {@code ERROR} reply.
     *
     * @param reason the text after {@code ERROR }
     */
    public ServerErrorException(String reason) {
        super("server replied ERROR " + reason);
        this.reason = reason;
    }

    /**
     * The text after {@code ERROR }.
     *
     * @return the server's reason
     */
    public String reason() {
        return reason;
    }

    /**
     * The reason as one of hotcold's own, when the server is a hotcold server.
     *
     * @return the matching reason, or empty for a reason hotcold does not know
     */
    public Optional<ErrorReason> knownReason() {
        return ErrorReason.fromText(reason);
    }
}
