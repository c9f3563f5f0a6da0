/**
 * hotcold's core: the guess-the-number protocol, the guess engine and scorer, the sans-I/O server
 * session, the client game API and the server lifecycle. No dependencies, no sockets, no threads.
 *
 * <p>Applications see the user API only. What transport authors need (the server lifecycle, the
 * line framer, the parser and wire format, stream connections) is in {@code dev.hotcold.core.spi},
 * exported only to hotcold's transports and its testkit.
 */
module dev.hotcold.core {
    exports dev.hotcold.core.protocol;
    exports dev.hotcold.core.engine;
    exports dev.hotcold.core.scoring;
    exports dev.hotcold.core.session;
    exports dev.hotcold.core.client;
    exports dev.hotcold.core.transport;
    exports dev.hotcold.core.spi to
            dev.hotcold.transport.blocking,
            dev.hotcold.transport.nio,
            dev.hotcold.transport.inmemory,
            dev.hotcold.socket,
            dev.hotcold.testkit;

    uses dev.hotcold.core.transport.Transport;
}
