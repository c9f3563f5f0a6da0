package dev.hotcold.transport.nio;

import dev.hotcold.testkit.DescriptorExhaustionChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Out of file descriptors, the NIO acceptor backs off and lives (issue 10). */
@Timeout(180)
class NioDescriptorExhaustionTest {

    @Test
    void servesAgainAfterRunningOutOfDescriptors() throws Exception {
        DescriptorExhaustionChecks.servesAgainAfterRunningOutOfDescriptors(NioTransport.class, "hotcold-server-nio-acceptor");
    }
}
