package dev.hotcold.core.events;

/** Why a connection closed, as far as the server knows. */
public enum CloseReason {
    /** The client closed its side, or the connection failed (a reset, say). */
    CLIENT_LEFT,
    /** Graceful shutdown ended it between games. */
    SHUTDOWN,
    /** Immediate shutdown cut it off. */
    SHUTDOWN_NOW,
    /** Nothing moved on it for the idle timeout. */
    IDLE_TIMEOUT,
    /** A command line took longer than the line timeout from its first byte to its line feed. */
    LINE_TIMEOUT,
    /** The TLS handshake was not done within the handshake timeout after the connection was accepted. */
    HANDSHAKE_TIMEOUT,
    /**
     * The TLS handshake failed: a plain-text client on a TLS port, a certificate the other side
     * did not trust, no protocol or cipher in common.
     */
    HANDSHAKE_FAILED,
    /** User code ran out of memory on it, and the server closed it. */
    OUT_OF_MEMORY
}
