package dev.hotcold.benchmarks.plain;

import dev.hotcold.benchmarks.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;

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
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
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
