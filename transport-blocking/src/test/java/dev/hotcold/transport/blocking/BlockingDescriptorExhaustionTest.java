package dev.hotcold.transport.blocking;

import dev.hotcold.testkit.DescriptorExhaustionChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Out of file descriptors, the blocking acceptor backs off and lives (issue 10). Its acceptor is a
 * virtual thread, so that it still accepts is the proof it lives.
 */
@Timeout(180)
class BlockingDescriptorExhaustionTest {

    @Test
    void servesAgainAfterRunningOutOfDescriptors() throws Exception {
        DescriptorExhaustionChecks.servesAgainAfterRunningOutOfDescriptors(BlockingTransport.class, "");
    }
}
