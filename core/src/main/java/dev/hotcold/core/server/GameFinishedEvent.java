package dev.hotcold.core.server;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A game ended; the event lasts from its PARAMS to its end. */
@Name("dev.hotcold.GameFinished")
@Label("Game Finished")
@Category("hotcold")
@Description("A game ended; the event lasts from its PARAMS to its end.")
@StackTrace(false)
final class GameFinishedEvent extends Event {
    @Label("Connection")
    long connection;

    @Label("Lower")
    long lower;

    @Label("Upper")
    long upper;

    @Label("Guesses")
    long guesses;

    @Label("End")
    String end;
}
