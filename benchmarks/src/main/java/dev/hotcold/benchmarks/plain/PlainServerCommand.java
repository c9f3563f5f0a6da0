package dev.hotcold.benchmarks.plain;

import dev.hotcold.benchmarks.FlagReader;
import dev.hotcold.benchmarks.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code plain-server [--host H] [--port P] [--seed S]}: the plain JDK server ({@link PlainServer})
 * as a process, for {@code ./hotcold load} and the yardstick. Prints {@code listening on HOST:PORT}
 * once it accepts connections; SIGTERM or Ctrl-C closes it.
 */
public final class PlainServerCommand {
    static final String USAGE = "usage: plain-server [--host HOST] [--port PORT] [--seed SEED]";

    private PlainServerCommand() {}

    /**
     * Runs the server until the JVM is told to stop.
     *
     * @return the exit status: 2 for a usage error, 1 if it cannot listen
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 1234;
        long seed = System.nanoTime();
        try {
            FlagReader flags = new FlagReader(args, Set.of());
            while (flags.next()) {
                if (flags.isHelp()) {
                    out.println(USAGE);
                    return 0;
                }
                String flag = flags.flag();
                String value = flags.value();
                switch (flag) {
                    case "--host" -> host = value;
                    case "--port" -> port = (int) ServerProcess.parse(flag, value, 0, 65535);
                    case "--seed" -> seed = ServerProcess.parse(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("plain-server: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        PlainServer server;
        try {
            server = PlainServer.start(host, port, seed);
        } catch (IOException e) {
            err.println("plain-server: " + e.getMessage());
            return 1;
        }
        return ServerProcess.serveUntilStopped("plain-server", server.address(), server::close, out);
    }
}
