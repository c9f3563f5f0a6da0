package dev.hotcold.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.AsyncGame;
import dev.hotcold.core.client.Outcome;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.transport.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's asynchronous snippets, as written there, leave no connection open: the server counts
 * none afterwards, and the harness's leak check passes. (LeakCheckTest shows the snippet README
 * used to have failing that check.)
 */
@HotColdServer
class ReadmeSnippetsTest {

    @Test
    void theOneCallSnippetClosesItsConnection(GameServer server, Transport transport) {
        List<Outcome> outcomes = AsyncGame.play(transport, server.address(), 10, 15, 12)
                .toCompletableFuture().join();
        assertTrue(outcomes.get(outcomes.size() - 1).isCorrect());
        assertEquals(0, server.connectionCount());
    }

    @Test
    void theHeldConnectionSnippetClosesItsConnection(GameServer server, Transport transport) {
        List<Outcome> outcomes = transport.connectAsync(server.address())
                .thenCompose(connection -> AsyncGame.play(connection, 10, 15, 12)
                        .whenComplete((played, failure) -> connection.close()))
                .toCompletableFuture().join();
        assertTrue(outcomes.get(outcomes.size() - 1).isCorrect());
        assertEquals(0, server.connectionCount());
    }
}
