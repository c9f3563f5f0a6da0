package dev.hotcold.transport.nio;

/** The same suite over TLS. */
class NioTlsClientTimeoutTest extends NioClientTimeoutTest {
    @Override
    protected boolean overTls() {
        return true;
    }
}
