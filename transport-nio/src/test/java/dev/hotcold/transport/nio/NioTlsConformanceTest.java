package dev.hotcold.transport.nio;

/** The same suite over TLS. */
class NioTlsConformanceTest extends NioConformanceTest {
    @Override
    protected boolean overTls() {
        return true;
    }
}
