package dev.hotcold.core.server;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A game server answered ERROR: bad input, or a failing strategy. */
@Name("dev.hotcold.ProtocolError")
@Label("Protocol Error")
@Category("hotcold")
@Description("A game server answered ERROR: bad input, or a failing strategy.")
@StackTrace(false)
final class ProtocolErrorEvent extends Event {
    @Label("Connection")
    long connection;

    @Label("Reason")
    String reason;
}
