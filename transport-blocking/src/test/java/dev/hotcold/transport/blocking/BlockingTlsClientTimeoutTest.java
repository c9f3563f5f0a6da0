package dev.hotcold.transport.blocking;

/** The same suite over TLS. */
class BlockingTlsClientTimeoutTest extends BlockingClientTimeoutTest {
    @Override
    protected boolean overTls() {
        return true;
    }
}
