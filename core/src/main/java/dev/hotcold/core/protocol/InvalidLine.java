package dev.hotcold.core.protocol;

import java.util.Objects;

/**
 * A client line that is not a well-formed command, and why.
 *
 * @param reason why the line was rejected; the server answers {@code ERROR} and this reason
 */
public record InvalidLine(ErrorReason reason) implements ParsedLine {
    /**
     * Checks that there is a reason.
     *
     * @throws NullPointerException if {@code reason} is null
     */
    public InvalidLine {
        Objects.requireNonNull(reason, "reason");
    }
}
