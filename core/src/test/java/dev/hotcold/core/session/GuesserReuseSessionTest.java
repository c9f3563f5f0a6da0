package dev.hotcold.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import dev.hotcold.core.protocol.Decision;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session offers its last game's guesser, once that game is over, to play the next game
 * ({@link Guesser#restart}), so a strategy whose guessers can start over makes nothing per game;
 * never a guesser that threw, nor one still in play. A guesser that cannot (the default) is
 * replaced by a new one from the strategy.
 */
class GuesserReuseSessionTest {
    private static final ConnectionInfo CONNECTION = new ConnectionInfo(3, new InetSocketAddress("127.0.0.1", 5000));

    private final GuessStrategy strategy = mock(GuessStrategy.class);
    private final Guesser first = mock(Guesser.class);
    private final Guesser second = mock(Guesser.class);
    private final GameListener listener = mock(GameListener.class);
    private final ServerSession session = new ServerSession(strategy, 1024);

    private List<String> exchange(String input) {
        return ServerSessionTest.exchange(session, listener, CONNECTION, input);
    }

    @Test
    void aClearedGamesGuesserPlaysTheNextGameIfItCanStartOver() {
        when(strategy.newGame(1, 5)).thenReturn(first);
        when(first.restart(1, 9)).thenReturn(true);
        when(first.hasNext()).thenReturn(true);
        when(first.next()).thenReturn(3L, 4L);
        assertEquals(List.of("3", "4"), exchange("PARAMS 1 5\nNUMBER\nREPORT Unsure\nCLEAR\nPARAMS 1 9\nNUMBER\n"));
        verify(strategy).newGame(1, 5);
        verify(strategy, never()).newGame(1, 9);
    }

    @Test
    void aGuesserThatCannotStartOverIsReplacedByANewOne() {
        when(strategy.newGame(anyLong(), anyLong())).thenReturn(first, second);
        when(second.hasNext()).thenReturn(true);
        when(second.next()).thenReturn(8L);
        assertEquals(List.of("8"), exchange("PARAMS 1 5\nCLEAR\nPARAMS 1 9\nNUMBER\n"));
        verify(first).restart(1, 9);
        verify(strategy).newGame(1, 9);
    }

    @Test
    void aReplacedGamesGuesserIsOfferedToTheGameAfterTheNext() {
        when(strategy.newGame(anyLong(), anyLong())).thenReturn(first, second);
        when(first.restart(1, 7)).thenReturn(true);
        exchange("PARAMS 1 5\nPARAMS 1 6\nPARAMS 1 7\n");
        // The second PARAMS replaced the game in play: that guesser, not yet done with, was not offered.
        verify(strategy).newGame(1, 5);
        verify(strategy).newGame(1, 6);
        // The third game got the first game's guesser, which the second PARAMS left over.
        verify(first).restart(1, 7);
        verify(strategy, never()).newGame(1, 7);
    }

    @Test
    void aGuesserThatThrewIsNeverOfferedAgain() {
        when(strategy.newGame(anyLong(), anyLong())).thenReturn(first, second);
        when(first.hasNext()).thenReturn(true);
        when(first.next()).thenReturn(3L);
        doThrow(new IllegalStateException("onReport bug")).when(first).onReport(Decision.WARMER);
        exchange("PARAMS 1 5\nNUMBER\nREPORT Warmer\nCLEAR\nPARAMS 1 5\n");
        verify(first, never()).restart(anyLong(), anyLong());
        verify(strategy, times(2)).newGame(1, 5);
    }

    @Test
    void aRestartThatThrowsIsTheStrategysFailure() {
        when(strategy.newGame(1, 5)).thenReturn(first);
        when(first.restart(1, 5)).thenThrow(new AssertionError("restart bug"));
        assertEquals(List.of("ERROR internal error", "ERROR no game in progress"),
                exchange("PARAMS 1 5\nCLEAR\nPARAMS 1 5\nNUMBER\n"));
    }
}
