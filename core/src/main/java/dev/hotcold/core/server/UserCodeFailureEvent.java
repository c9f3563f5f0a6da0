package dev.hotcold.core.server;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A listener, strategy or observer of a game server threw. */
@Name("dev.hotcold.UserCodeFailure")
@Label("User Code Failure")
@Category("hotcold")
@Description("A listener, strategy or observer of a game server threw.")
@StackTrace(false)
final class UserCodeFailureEvent extends Event {
    @Label("Connection")
    long connection;

    @Label("Source")
    String source;

    @Label("Failure")
    String failure;
}
