package dev.hotcold.core.client;

/** A game could not go on because of what the server said. */
public class GameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message saying what went wrong.
     *
     * @param message the detail message
     */
    public GameException(String message) {
        super(message);
    }
}
