package dev.hotcold.transport.blocking;

/** The same suite over TLS. */
class BlockingTlsObservabilityTest extends BlockingObservabilityTest {
    @Override
    protected boolean overTls() {
        return true;
    }
}
