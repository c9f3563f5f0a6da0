package dev.hotcold.core.server;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** The server cut a client that kept it waiting past a deadline. */
@Name("dev.hotcold.ClientCut")
@Label("Client Cut")
@Category("hotcold")
@Description("The server closed a connection whose client kept it waiting past a deadline.")
@StackTrace(false)
final class ClientCutEvent extends Event {
    @Label("Connection")
    long connection;

    @Label("Client")
    String client;

    @Label("Deadline")
    @Description("Which deadline the client missed, as a CloseReason name.")
    String deadline;

    @Label("Waited")
    @Timespan(Timespan.NANOSECONDS)
    long waited;
}
