package dev.hotcold.transport.nio;

/** The same suite over TLS. */
class NioTlsFaultTest extends NioFaultTest {
    @Override
    protected boolean overTls() {
        return true;
    }
}
