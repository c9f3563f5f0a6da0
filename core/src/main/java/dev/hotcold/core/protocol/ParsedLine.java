package dev.hotcold.core.protocol;

/**
 * What a line from a client parses to: a {@link Command}, or an {@link InvalidLine} with the
 * reason it was rejected. A sealed type, so a {@code switch} over it is checked for completeness.
 */
public sealed interface ParsedLine permits Command, InvalidLine {}
