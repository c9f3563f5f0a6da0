package dev.hotcold.core.server;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A game server admitted a connection. */
@Name("dev.hotcold.ConnectionAdmitted")
@Label("Connection Admitted")
@Category("hotcold")
@Description("A game server admitted a connection.")
@StackTrace(false)
final class ConnectionAdmittedEvent extends Event {
    @Label("Connection")
    long connection;

    @Label("Client")
    String client;
}
