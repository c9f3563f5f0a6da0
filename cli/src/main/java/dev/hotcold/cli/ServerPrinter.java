package dev.hotcold.cli;

import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import java.io.PrintWriter;
import java.util.concurrent.Semaphore;

/** Prints the server's half of the transcript, {@code Server: N is D}, and counts finished games. */
final class ServerPrinter implements GameListener {
    private final PrintWriter out;
    private final boolean quiet;
    private final Semaphore gamesCleared = new Semaphore(0);

    ServerPrinter(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void onReport(ConnectionInfo connection, long guess, Decision decision) {
        if (!quiet) {
            synchronized (out) {
                out.println("Server: " + guess + " is " + decision);
                out.flush();
            }
        }
    }

    @Override
    public void onGameCleared(ConnectionInfo connection) {
        gamesCleared.release();
    }

    /** Waits until the server has seen the {@code CLEAR} of one more game. */
    void awaitGameCleared() throws InterruptedException {
        gamesCleared.acquire();
    }
}
