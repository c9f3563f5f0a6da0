package dev.hotcold.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
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
        ServerSession session = new ServerSession(strategy, listener, 1024);
        assertEquals(List.of("3", "ERROR internal error", "4"),
                ServerSessionTest.exchange(session, "PARAMS 1 5\nNUMBER\nREPORT Warmer\nNUMBER\nNUMBER\nREPORT Colder\n"));
        verify(listener).onError(eq(ConnectionInfo.DETACHED), eq(ErrorReason.INTERNAL_ERROR), any());
    }

    @Test
    void aNewGameMayGuessTheSameNumbersAgain() {
        GuessStrategy strategy = mock(GuessStrategy.class);
        Guesser guesser = mock(Guesser.class);
        when(strategy.newGame(1, 5)).thenReturn(guesser);
        when(guesser.hasNext()).thenReturn(true);
        when(guesser.next()).thenReturn(3L);
        ServerSession session = new ServerSession(strategy, listener, 1024);
        assertEquals(List.of("3", "3"), ServerSessionTest.exchange(session,
                "PARAMS 1 5\nNUMBER\nREPORT Correct\nCLEAR\nPARAMS 1 5\nNUMBER\n"));
        verify(listener, never()).onError(any(), any(), any());
    }

    @Test
    void aCustomStrategyIsCheckedUpToTheCapThenAnswersAnError() {
        GuessStrategy random = GuessStrategy.random(3);
        GuessStrategy custom = random::newGame;   // not core's: checked
        ServerSession session = new ServerSession(custom, listener, 1024);
        List<String> replies = ServerSessionTest.exchange(session,
                "PARAMS 1 10000\n" + "NUMBER\nREPORT Colder\n".repeat(GuessLog.MAX_GUESSES + 1));
        assertEquals(GuessLog.MAX_GUESSES + 2, replies.size());   // the last REPORT: no guess to report on
        assertEquals(GuessLog.MAX_GUESSES, new HashSet<>(replies.subList(0, GuessLog.MAX_GUESSES)).size());
        assertEquals("ERROR internal error", replies.get(GuessLog.MAX_GUESSES));
    }

    @Test
    void coresOwnStrategiesAreTrustedPastTheCap() {
        int range = GuessLog.MAX_GUESSES + 500;
        for (GuessStrategy strategy : List.of(GuessStrategy.random(4), GuessStrategy.hotCold())) {
            ServerSession session = new ServerSession(strategy, listener, 1024);
            List<String> replies = ServerSessionTest.exchange(session,
                    "PARAMS 1 " + range + "\n" + "NUMBER\nREPORT Unsure\n".repeat(range));
            assertEquals(range, new HashSet<>(replies).size(), strategy + ": every number once, no error");
        }
    }

    @RepeatedTest(20)
    void theGuessLogAgreesWithAHashSet(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        GuessLog log = new GuessLog();
        Set<Long> expected = new HashSet<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 6000; i++) {
                long guess = switch (random.nextInt(4)) {
                    case 0 -> Long.MIN_VALUE + random.nextInt(3);
                    case 1 -> Long.MAX_VALUE - random.nextInt(3);
                    default -> random.nextLong(-3000, 3000);
                };
                GuessLog.Result result = log.add(guess);
                if (expected.contains(guess)) {
                    assertEquals(GuessLog.Result.REPEATED, result);
                } else if (expected.size() == GuessLog.MAX_GUESSES) {
                    assertEquals(GuessLog.Result.FULL, result);
                } else {
                    assertEquals(GuessLog.Result.ADDED, result);
                    expected.add(guess);
                }
            }
            assertEquals(expected.size(), log.size());
            assertTrue(log.size() <= GuessLog.MAX_GUESSES);
            log.clear();
            expected.clear();
        }
    }
}
