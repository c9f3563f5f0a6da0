/** A hotcold user: plays over each transport, with a guess strategy of its own. */
module com.example.hotcold {
    requires dev.hotcold.transport.inmemory;
    requires dev.hotcold.transport.blocking;
    requires dev.hotcold.transport.nio;

    exports com.example.hotcold;
}
