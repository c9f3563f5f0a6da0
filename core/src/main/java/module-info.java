/**
 * hotcold's core: the guess-the-number protocol, the guess engine and scorer, the sans-I/O server
 * session, the server lifecycle and the client game API. No dependencies, no sockets, and no
 * thread of its own.
 *
 * <p>Its packages form a graph without cycles, one concern each: {@code protocol} (the commands,
 * replies and decisions) under {@code codec} (their bytes), {@code engine} (guess strategies) and
 * {@code scoring} (warmer or colder); {@code events} (what a server tells its listener);
 * {@code boundary} (the one place user code is called); {@code session} (one connection's server
 * side, sans-I/O) under {@code server} (the lifecycle every transport shares); {@code client}
 * (games over any connection); {@code transport} (the {@code Transport} interface) on top;
 * {@code lab} (strategies played in memory against an adversary or many secrets), beside it;
 * {@code tls} (TLS settings, read from key files), under {@code server} and {@code client}; and
 * {@code spi}, what a transport implements, at the bottom. Every package is exported:
 * applications use {@code transport}, {@code server}, {@code client} and {@code engine};
 * transport authors add {@code spi}, {@code codec} and the lifecycle in {@code server}.
 */
module dev.hotcold.core {
    exports dev.hotcold.core.protocol;
    exports dev.hotcold.core.codec;
    exports dev.hotcold.core.engine;
    exports dev.hotcold.core.scoring;
    exports dev.hotcold.core.lab;
    exports dev.hotcold.core.events;
    exports dev.hotcold.core.boundary;
    exports dev.hotcold.core.session;
    exports dev.hotcold.core.server;
    exports dev.hotcold.core.client;
    exports dev.hotcold.core.transport;
    exports dev.hotcold.core.spi;
    exports dev.hotcold.core.tls;

    // The server's JDK Flight Recorder events: part of the JDK, so core still depends on it alone.
    requires jdk.jfr;

    uses dev.hotcold.core.transport.Transport;
}
