package dev.hotcold.core.events;

/** How a game ended, as a {@link ServerObserver} hears it. */
public enum GameEnd {
    /** The client reported {@code Correct}, then cleared the game. */
    WON,
    /** The client cleared the game before any guess was {@code Correct}. */
    ABANDONED,
    /** A new {@code PARAMS} started another game while this one was in play. */
    REPLACED,
    /** The connection closed while the game was in play. */
    CUT_OFF
}
