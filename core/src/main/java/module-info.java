/**
 * hotcold's core: the guess-the-number protocol, its framing, the guess engine and scorer, the
 * sans-I/O server session, the client game API and the transport service-provider interface.
 * No dependencies, no sockets, no threads.
 */
module dev.hotcold.core {
    exports dev.hotcold.core.protocol;
    exports dev.hotcold.core.framing;
    exports dev.hotcold.core.engine;
    exports dev.hotcold.core.scoring;
    exports dev.hotcold.core.session;
    exports dev.hotcold.core.client;
    exports dev.hotcold.core.transport;
    exports dev.hotcold.core.spi to
            dev.hotcold.transport.blocking,
            dev.hotcold.transport.nio,
            dev.hotcold.transport.inmemory,
            dev.hotcold.testkit;
}
