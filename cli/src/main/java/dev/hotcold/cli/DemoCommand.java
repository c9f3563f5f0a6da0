package dev.hotcold.cli;

import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The book's {@code main()}: a server and a client in one process, three games, the transcript. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Plays the book's three games in one process and prints their transcript.",
        description = {"Plays the three games of the book, Effective Python's item 76 (1..5 with secret 3,"
                + " 10..15 with 12, 1..3 with 2), against a server in the same process and prints the book's"
                + " transcript. Socket transports use a server on 127.0.0.1 with a free port. The transport"
                + " defaults to inmemory.",
                ""})
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private TransportChoice transport = new TransportChoice();

    @Mixin
    private StrategyChoice strategy = new StrategyChoice();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Outcome> results;
        try (ServerPrinter printer = new ServerPrinter(out, false);
             Transport client = transport.create(TransportChoice.Kind.inmemory);
             GameServer server = client.serve(ServerConfig.loopback(0).toBuilder()
                     .strategy(strategy.create())
                     .listener(printer)
                     .build());
             GameConnection connection = client.connect(server.address())) {
            // The book sleeps before CLEAR so that the server's lines come before the next game's
            // header; here the client waits until the server has seen the CLEAR and its lines are printed.
            results = BookGames.play(connection, BookGames.THREE_GAMES, out, printer::awaitGameCleared);
        }
        BookGames.printResults(results, out);
        return 0;
    }
}
