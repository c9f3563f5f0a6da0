package dev.hotcold.core.protocol;

import java.util.Objects;

/** A client line that is not a well-formed command, and why. */
public record InvalidLine(ErrorReason reason) implements ParsedLine {
    public InvalidLine {
        Objects.requireNonNull(reason, "reason");
    }
}
