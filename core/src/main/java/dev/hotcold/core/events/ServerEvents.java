package dev.hotcold.core.events;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The events one connection recorded and not yet delivered, oldest first. Not thread-safe: it
 * belongs to whoever records or delivers, one at a time.
 */
public final class ServerEvents {
    private final ArrayDeque<ServerEvent> events = new ArrayDeque<>();

    /** An empty record. */
    public ServerEvents() {}

    /**
     * Appends an event.
     *
     * @param event what happened
     */
    public void add(ServerEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    /**
     * Takes the oldest event.
     *
     * @return the oldest event, or null when there is none
     */
    public ServerEvent poll() {
        return events.poll();
    }

    /**
     * Moves every event to the end of {@code other}, oldest first; this is empty afterwards.
     *
     * @param other where the events go
     */
    public void moveTo(ServerEvents other) {
        ServerEvent event;
        while ((event = events.poll()) != null) {
            other.events.add(event);
        }
    }

    /**
     * Hands each event to {@code action}, oldest first, leaving them recorded.
     *
     * @param action takes each event
     */
    public void forEach(Consumer<? super ServerEvent> action) {
        events.forEach(action);
    }

    /**
     * Whether nothing is recorded.
     *
     * @return {@code true} when there is no event
     */
    public boolean isEmpty() {
        return events.isEmpty();
    }

    /**
     * How many events are recorded.
     *
     * @return the number of events
     */
    public int size() {
        return events.size();
    }

    /** Forgets every event. */
    public void clear() {
        events.clear();
    }

    @Override
    public String toString() {
        return events.toString();
    }
}
