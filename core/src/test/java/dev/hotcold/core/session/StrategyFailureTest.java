package dev.hotcold.core.session;

import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.GameListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.ErrorReason;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A strategy that throws is answered {@code ERROR internal error}, and its cause reaches the listener. */
class StrategyFailureTest {
    private static final ConnectionInfo CONNECTION = new ConnectionInfo(7, new InetSocketAddress("127.0.0.1", 5000));

    private final GuessStrategy strategy = mock(GuessStrategy.class);
    private final Guesser guesser = mock(Guesser.class);
    private final GameListener listener = mock(GameListener.class);
    private final ServerSession session = new ServerSession(strategy, 1024);

    private List<String> exchange(String input) {
        return ServerSessionTest.exchange(session, listener, CONNECTION, input);
    }

    @SuppressWarnings("unchecked")
    private Throwable causeHandedToTheListener() {
        ArgumentCaptor<Optional<Throwable>> cause = ArgumentCaptor.forClass(Optional.class);
        verify(listener).onError(eq(CONNECTION), eq(ErrorReason.INTERNAL_ERROR), cause.capture());
        return cause.getValue().orElseThrow();
    }

    @Test
    void newGameThatThrows() {
        IllegalStateException bug = new IllegalStateException("newGame bug");
        when(strategy.newGame(1, 5)).thenThrow(bug);
        assertEquals(List.of("ERROR internal error", "ERROR no game in progress"), exchange("PARAMS 1 5\nNUMBER\n"));
        assertEquals(bug, causeHandedToTheListener());
    }

    @Test
    void hasNextThatThrows() {
        IllegalStateException bug = new IllegalStateException("hasNext bug");
        when(strategy.newGame(1, 5)).thenReturn(guesser);
        when(guesser.hasNext()).thenThrow(bug);
        assertEquals(List.of("ERROR internal error"), exchange("PARAMS 1 5\nNUMBER\n"));
        assertEquals(bug, causeHandedToTheListener());
        verify(listener).onGameStarted(CONNECTION, 1, 5);
    }

    @Test
    void nextThatThrows() {
        IllegalStateException bug = new IllegalStateException("next bug");
        when(strategy.newGame(1, 5)).thenReturn(guesser);
        when(guesser.hasNext()).thenReturn(true);
        when(guesser.next()).thenThrow(bug);
        assertEquals(List.of("ERROR internal error"), exchange("PARAMS 1 5\nNUMBER\n"));
        assertEquals(bug, causeHandedToTheListener());
    }

    @Test
    void onReportThatThrowsMakesTheGamesNextNumberAnError() {
        IllegalStateException bug = new IllegalStateException("onReport bug");
        when(strategy.newGame(1, 5)).thenReturn(guesser);
        when(guesser.hasNext()).thenReturn(true);
        when(guesser.next()).thenReturn(3L, 4L);
        doThrow(bug).when(guesser).onReport(Decision.WARMER);
        assertEquals(List.of("3", "ERROR internal error"), exchange("PARAMS 1 5\nNUMBER\nREPORT Warmer\nNUMBER\n"));
        verify(listener).onReport(CONNECTION, 3, Decision.WARMER);
        assertEquals(bug, causeHandedToTheListener());
        // A new game starts afresh.
        when(strategy.newGame(2, 2)).thenReturn(guesser);
        when(guesser.next()).thenReturn(2L);
        assertEquals(List.of("2"), exchange("CLEAR\nPARAMS 2 2\nNUMBER\n"));
    }

    @Test
    void aGuessOutOfRangeIsAnErrorWithACause() {
        when(strategy.newGame(1, 5)).thenReturn(guesser);
        when(guesser.hasNext()).thenReturn(true);
        when(guesser.next()).thenReturn(6L);
        assertEquals(List.of("ERROR internal error"), exchange("PARAMS 1 5\nNUMBER\n"));
        assertEquals(IllegalStateException.class, causeHandedToTheListener().getClass());
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheSession() {
        doThrow(new IllegalStateException("listener bug")).when(listener).onGameStarted(any(), anyLong(), anyLong());
        doThrow(new IllegalStateException("listener bug")).when(listener).onReport(any(), anyLong(), any());
        when(strategy.newGame(4, 4)).thenReturn(guesser);
        when(guesser.hasNext()).thenReturn(true);
        when(guesser.next()).thenReturn(4L);
        assertEquals(List.of("4", "4"), exchange("PARAMS 4 4\nNUMBER\nREPORT Correct\nNUMBER\n"));
    }
}
