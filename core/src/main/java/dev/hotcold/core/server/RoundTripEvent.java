package dev.hotcold.core.server;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The server answered client bytes that held a NUMBER; the event lasts from the bytes handed to the
 * session to its replies made. Off by default: one per round trip.
 */
@Name("dev.hotcold.RoundTrip")
@Label("Round Trip")
@Category("hotcold")
@Description("The server answered client bytes that held a NUMBER; the event lasts from the bytes handed to the session to its replies made. Off by default: one per round trip.")
@StackTrace(false)
@Enabled(false)
final class RoundTripEvent extends Event {
    @Label("Connection")
    long connection;
}
