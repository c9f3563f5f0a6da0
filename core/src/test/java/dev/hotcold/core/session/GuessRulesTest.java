package dev.hotcold.core.session;

import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.protocol.ErrorReason;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session keeps the protocol's promise: every guess in range, none twice, whatever the strategy. */
class GuessRulesTest {
    private final GameListener listener = mock(GameListener.class);

    @Test
    void aCustomStrategyThatRepeatsAGuessGetsAnInternalErrorInstead() {
        GuessStrategy strategy = mock(GuessStrategy.class);
        Guesser guesser = mock(Guesser.class);
        when(strategy.newGame(1, 5)).thenReturn(guesser);
        when(guesser.hasNext()).thenReturn(true);
        when(guesser.next()).thenReturn(3L, 3L, 4L);
        ServerSession session = new ServerSession(strategy, 1024);
        assertEquals(List.of("3", "ERROR internal error", "4"),
                ServerSessionTest.exchange(session, listener, ConnectionInfo.DETACHED, "PARAMS 1 5\nNUMBER\nREPORT Warmer\nNUMBER\nNUMBER\nREPORT Colder\n"));
        verify(listener).onError(eq(ConnectionInfo.DETACHED), eq(ErrorReason.INTERNAL_ERROR), any());
    }

    @Test
    void aNewGameMayGuessTheSameNumbersAgain() {
        GuessStrategy strategy = mock(GuessStrategy.class);
        Guesser guesser = mock(Guesser.class);
        when(strategy.newGame(1, 5)).thenReturn(guesser);
        when(guesser.hasNext()).thenReturn(true);
        when(guesser.next()).thenReturn(3L);
        ServerSession session = new ServerSession(strategy, 1024);
        assertEquals(List.of("3", "3"), ServerSessionTest.exchange(session, listener, ConnectionInfo.DETACHED,
                "PARAMS 1 5\nNUMBER\nREPORT Correct\nCLEAR\nPARAMS 1 5\nNUMBER\n"));
        verify(listener, never()).onError(any(), any(), any());
    }

    @Test
    void aCustomStrategyIsCheckedUpToTheCapThenAnswersAnError() {
        GuessStrategy random = GuessStrategy.random(3);
        GuessStrategy custom = random::newGame;   // not core's: checked
        ServerSession session = new ServerSession(custom, 1024);
        List<String> replies = ServerSessionTest.exchange(session, listener, ConnectionInfo.DETACHED,
                "PARAMS 1 10000\n" + "NUMBER\nREPORT Colder\n".repeat(ServerSession.MAX_CHECKED_GUESSES + 1));
        assertEquals(ServerSession.MAX_CHECKED_GUESSES + 2, replies.size());   // the last REPORT: no guess to report on
        assertEquals(ServerSession.MAX_CHECKED_GUESSES, new HashSet<>(replies.subList(0, ServerSession.MAX_CHECKED_GUESSES)).size());
        assertEquals("ERROR internal error", replies.get(ServerSession.MAX_CHECKED_GUESSES));
    }

    @Test
    void coresOwnStrategiesAreTrustedPastTheCap() {
        int range = ServerSession.MAX_CHECKED_GUESSES + 500;
        for (GuessStrategy strategy : List.of(GuessStrategy.random(4), GuessStrategy.hotCold())) {
            ServerSession session = new ServerSession(strategy, 1024);
            List<String> replies = ServerSessionTest.exchange(session, listener, ConnectionInfo.DETACHED,
                    "PARAMS 1 " + range + "\n" + "NUMBER\nREPORT Unsure\n".repeat(range));
            assertEquals(range, new HashSet<>(replies).size(), strategy + ": every number once, no error");
        }
    }
}
