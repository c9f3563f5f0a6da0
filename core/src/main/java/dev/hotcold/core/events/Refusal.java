package dev.hotcold.core.events;

/** Why a server turned a connection away without serving it. */
public enum Refusal {
    /** The server was at its connection limit: the client was told {@code ERROR server busy}. */
    BUSY,
    /** The server had stopped accepting: it is shutting down. */
    SHUTTING_DOWN
}
