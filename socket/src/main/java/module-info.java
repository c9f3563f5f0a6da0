/**
 * What hotcold's socket transports (blocking and NIO) share, kept out of core so that core stays
 * free of sockets: binding a listener with the configured backlog, the one accept loop and its
 * back-off when accepting fails, the refusal of a connection over the limit, and the accepted
 * socket's side of a connection. Exported only to those two transports.
 */
module dev.hotcold.socket {
    requires transitive dev.hotcold.core;

    exports dev.hotcold.socket to
            dev.hotcold.transport.blocking,
            dev.hotcold.transport.nio;
}
