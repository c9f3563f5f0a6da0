package dev.hotcold.transport.nio;

/** The same suite over TLS. */
class NioTlsObservabilityTest extends NioObservabilityTest {
    @Override
    protected boolean overTls() {
        return true;
    }
}
