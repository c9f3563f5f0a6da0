package dev.hotcold.junit;

import dev.hotcold.core.client.AsyncGameConnection;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.inmemory.InMemoryAddress;
import dev.hotcold.transport.inmemory.InMemoryTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one test was given: an in-memory transport, its server and the connections handed out as
 * parameters. {@link #close()} puts it all away and says what the test left open.
 */
final class Harness implements AutoCloseable {
    /** How long a server may take to terminate once every connection is gone; in-memory takes none. */
    static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(10);

    private final String testName;
    private final OpenConnections connections = new OpenConnections();
    private final TrackingTransport transport;
    private final GameServer server;
    private boolean closed;

    Harness(ServerSettings settings, String testName) throws IOException {
        this.testName = testName;
        this.transport = new TrackingTransport(new InMemoryTransport(settings.pipeCapacity()), connections);
        this.server = transport.serve(settings.config(InMemoryAddress.unique("hotcold-junit")));
    }

    GameServer server() {
        return server;
    }

    Transport transport() {
        return transport;
    }

    GameConnection connect(String parameter) throws IOException {
        return transport.connectForParameter(server.address(), parameter);
    }

    AsyncGameConnection connectAsync(String parameter) {
        return transport.connectAsyncForParameter(server.address(), parameter);
    }

    /**
     * Closes the connections handed out, then those the test left open, shuts every server down
     * and waits for it to terminate.
     *
     * @throws AssertionError naming each connection the test left open, and each server that did
     *     not terminate; once everything was put away, so one leaking test does not spoil the next
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Throwable> closeFailures = new ArrayList<>();
        closeAll(connections.open(true), closeFailures);
        List<OpenConnections.Entry> leaked = connections.open(false);
        closeAll(leaked, closeFailures);

        List<String> problems = new ArrayList<>();
        for (OpenConnections.Entry entry : leaked) {
            problems.add(entry.describe());
        }
        for (GameServer each : transport.servers()) {
            // Every connection made through the harness is closed now: whatever the server still
            // counts was opened some other way.
            int unseen = each.connectionCount();
            if (unseen > 0) {
                problems.add(unseen + (unseen == 1 ? " connection" : " connections") + " to " + each.address()
                        + " opened with another transport than the one the harness gives");
            }
        }
        List<String> stuck = new ArrayList<>();
        for (GameServer each : transport.servers()) {
            each.shutdownNow();
            try {
                if (!each.awaitTermination(TERMINATION_TIMEOUT)) {
                    stuck.add("server " + each.address() + " did not terminate within "
                            + TERMINATION_TIMEOUT.toSeconds() + " s of shutdownNow()");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the test's thread keeps the interrupt
                stuck.add("interrupted while waiting for server " + each.address() + " to terminate");
            }
        }
        if (problems.isEmpty() && stuck.isEmpty() && closeFailures.isEmpty()) {
            return;
        }
        AssertionError error = new AssertionError(report(problems, stuck, closeFailures));
        closeFailures.forEach(error::addSuppressed);
        throw error;
    }

    private String report(List<String> leaks, List<String> stuck, List<Throwable> closeFailures) {
        StringBuilder message = new StringBuilder("hotcold harness: ").append(testName);
        if (!leaks.isEmpty()) {
            message.append(" left ").append(leaks.size() == 1 ? "a connection" : leaks.size() + " connections")
                    .append(" open:");
            leaks.forEach(leak -> message.append("\n  - ").append(leak));
            message.append("\nClose each connection the test opens (try-with-resources), or take it as a"
                    + " test parameter: the harness closes those.");
        } else {
            message.append(" did not end cleanly:");
        }
        stuck.forEach(line -> message.append("\n  - ").append(line));
        if (!closeFailures.isEmpty()) {
            message.append("\n  - ").append(closeFailures.size()).append(" connection(s) failed to close (suppressed)");
        }
        return message.toString();
    }

    private static void closeAll(List<OpenConnections.Entry> entries, List<Throwable> failures) {
        for (OpenConnections.Entry entry : entries) {
            try {
                entry.connection().close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
    }
}
