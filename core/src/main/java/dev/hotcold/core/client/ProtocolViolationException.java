package dev.hotcold.core.client;

/** The server sent something the protocol does not allow, such as a guess outside the range. */
public final class ProtocolViolationException extends GameException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception describing what the server did wrong.
     *
     * @param message what the server sent and why it breaks the protocol
     */
    public ProtocolViolationException(String message) {
        super(message);
    }
}
