package dev.hotcold.core.server;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A game server turned a connection away without serving it. */
@Name("dev.hotcold.ConnectionRefused")
@Label("Connection Refused")
@Category("hotcold")
@Description("A game server turned a connection away without serving it.")
@StackTrace(false)
final class ConnectionRefusedEvent extends Event {
    @Label("Client")
    String client;

    @Label("Reason")
    String reason;
}
