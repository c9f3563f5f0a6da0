package dev.hotcold.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/** {@code hotcold serve} running in this JVM on a free port, for tests. */
final class RunningServer implements AutoCloseable {
    private final ServeCommand command = new ServeCommand();
    private final StringWriter out = new StringWriter();
    private final CompletableFuture<Integer> exit;
    private final int port;

    RunningServer(String... options) throws Exception {
        CommandLine commandLine = Main.conventions(new CommandLine(command));
        commandLine.setOut(new PrintWriter(out, true));
        String[] args = new String[options.length + 2];
        args[0] = "--port";
        args[1] = "0";
        System.arraycopy(options, 0, args, 2, options.length);
        exit = CompletableFuture.supplyAsync(() -> commandLine.execute(args));
        port = ((InetSocketAddress) CompletableFuture.anyOf(command.listening, exit)
                .thenApply(ignored -> command.listening.getNow(null))
                .get(30, TimeUnit.SECONDS)).getPort();
    }

    int port() {
        return port;
    }

    /** What the server printed so far. */
    String output() {
        synchronized (out) {
            return out.toString();
        }
    }

    List<String> lines() {
        return List.of(output().replace("\r\n", "\n").split("\n"));
    }

    /** The lines {@code Server: N is D}, one per report, without the lifecycle lines around them. */
    List<String> reports() {
        return lines().stream().filter(line -> line.startsWith("Server: ")).toList();
    }

    /** Stops the server as Ctrl-C would and returns its exit code. */
    int stop() throws InterruptedException, ExecutionException, TimeoutException {
        command.stopRequested.complete(null);
        return exit.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server stops", e);
        }
    }
}
