package dev.hotcold.core.events;

/** Which of a server's user code failed. */
public enum UserCodeSource {
    /** The {@link GameListener}. */
    LISTENER,
    /** The guess strategy or its guesser. */
    STRATEGY
}
