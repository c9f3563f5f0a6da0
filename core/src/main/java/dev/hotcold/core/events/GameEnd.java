package dev.hotcold.core.events;

/** How a game ended, as a {@link ServerObserver} hears it. */
public enum GameEnd {
    /**
     * The client reported {@code Correct}. The game ends when the client clears it, starts another
     * or leaves, and it is won whichever it does.
     */
    WON,
    /** The client cleared the game before any guess was {@code Correct}. */
    ABANDONED,
    /** A new {@code PARAMS} started another game before any guess of this one was {@code Correct}. */
    REPLACED,
    /** The connection closed before any guess of the game in play was {@code Correct}. */
    CUT_OFF
}
