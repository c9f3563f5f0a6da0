package dev.hotcold.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.lab.Duel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A test takes a Duel of its server's strategy as a parameter. */
class DuelParameterTest {
    @RegisterExtension
    static final HotColdExtension hotcold = HotColdExtension.builder().strategy(GuessStrategy.hotCold()).build();

    @Test
    void playsTheServersStrategy(Duel duel) {
        assertEquals(8, duel.everySecret(1, 123).worst());
        assertTrue(duel.againstAdversary(1, 1_000_000).worst() <= 22);
    }
}
