package dev.hotcold.transport.nio;

/** The same suite over TLS. */
class NioTlsUserCodeTest extends NioUserCodeTest {
    @Override
    protected boolean overTls() {
        return true;
    }
}
