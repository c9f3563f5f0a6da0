/**
 * A hotcold transport written outside hotcold: the protocol over UNIX-domain sockets, a thread
 * per connection. Found by {@code Transport.named("uds")}.
 */
module com.example.hotcold.uds {
    requires transitive dev.hotcold.core;
    requires dev.hotcold.socket;

    exports com.example.hotcold.uds;

    provides dev.hotcold.core.transport.Transport with com.example.hotcold.uds.UdsTransport;
}
