package com.example.hotcold;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import dev.hotcold.transport.blocking.BlockingTransport;
import dev.hotcold.transport.blocking.ThreadKind;
import dev.hotcold.transport.inmemory.InMemoryTransport;
import dev.hotcold.transport.nio.NioTransport;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Serves with {@link MiddleOutStrategy} and plays one blocking and one asynchronous game over each
 * transport: in-memory, blocking sockets on virtual and on platform threads, and NIO. Prints each
 * game and exits with status 1 if any game did not end with the secret guessed.
 */
public final class PlayEveryTransport {

    private PlayEveryTransport() {}

    public static void main(String[] args) throws IOException {
        Module module = PlayEveryTransport.class.getModule();
        System.out.println("Java " + Runtime.version() + ", module " + (module.isNamed() ? module.getName() : "(class path)"));
        List<Transport> transports = List.of(new InMemoryTransport(), new BlockingTransport(ThreadKind.VIRTUAL),
                new BlockingTransport(ThreadKind.PLATFORM), new NioTransport());
        boolean allGuessed = true;
        for (Transport transport : transports) {
            allGuessed &= play(transport);
        }
        if (!allGuessed) {
            System.exit(1);
        }
    }

    /** One blocking and one asynchronous game over {@code transport}; whether both were won. */
    static boolean play(Transport transport) throws IOException {
        ServerConfig config = ServerConfig.builder().strategy(new MiddleOutStrategy()).build();
        try (transport; GameServer server = transport.serve(config)) {
            List<Outcome> blocking;
            try (GameConnection connection = transport.connect(server.address());
                 Game game = Game.start(connection, 1, 20, 17)) {
                blocking = game.play();
            }
            // One call: connect, play, close.
            List<Outcome> async = AsyncGame.play(transport, server.address(), 100, 120, 104)
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            System.out.println(describe(transport) + ": " + blocking + " | async: " + async);
            return blocking.get(blocking.size() - 1).isCorrect() && async.get(async.size() - 1).isCorrect();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while playing over " + transport.name(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the asynchronous game over " + transport.name() + " failed", e);
        }
    }

    private static String describe(Transport transport) {
        return transport instanceof BlockingTransport blocking
                ? transport.name() + " (" + blocking.threads().name().toLowerCase(java.util.Locale.ROOT) + " threads)"
                : transport.name();
    }
}
