package dev.hotcold.core.events;

import java.time.Duration;
import java.util.Objects;

/**
 * One closed connection, for operators.
 *
 * @param games games started on it
 * @param bytesIn bytes the server took from the client
 * @param bytesOut reply bytes the server made for the client
 * @param lifetime from admission to close
 * @param reason why it closed
 */
public record ConnectionSummary(long games, long bytesIn, long bytesOut, Duration lifetime, CloseReason reason) {
    /**
     * Checks that every part is there.
     *
     * @throws NullPointerException if {@code lifetime} or {@code reason} is null
     */
    public ConnectionSummary {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(reason, "reason");
    }
}
