/**
 * What socket transports share, kept out of core so that core stays free of sockets: binding a
 * listener with the configured backlog, the one accept loop and its back-off when accepting
 * fails, the refusal of a connection over the limit, and the accepted socket's side of a
 * connection. hotcold's blocking and NIO transports are built on it, and so can a third party's
 * transport over TCP or UNIX-domain sockets ({@code SocketChannel} serves both). Exported to
 * everyone; see the package's Javadoc for its stability.
 */
module dev.hotcold.socket {
    requires transitive dev.hotcold.core;

    exports dev.hotcold.socket;
}
