package dev.hotcold.core.server;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** An admitted connection closed; the event lasts its lifetime. */
@Name("dev.hotcold.ConnectionClosed")
@Label("Connection Closed")
@Category("hotcold")
@Description("An admitted connection closed; the event lasts its lifetime.")
@StackTrace(false)
final class ConnectionClosedEvent extends Event {
    @Label("Connection")
    long connection;

    @Label("Client")
    String client;

    @Label("Games")
    long games;

    @Label("Bytes In")
    @jdk.jfr.DataAmount
    long bytesIn;

    @Label("Bytes Out")
    @jdk.jfr.DataAmount
    long bytesOut;

    @Label("Reason")
    String reason;
}
