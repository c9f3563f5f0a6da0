/**
 * hotcold's JUnit Jupiter harness: {@link dev.hotcold.junit.HotColdServer} and
 * {@link dev.hotcold.junit.HotColdExtension} give each test a running in-memory game server and
 * connected clients, close them after the test and fail a test that leaves a connection open.
 */
module dev.hotcold.junit {
    requires transitive dev.hotcold.core;
    requires transitive dev.hotcold.transport.inmemory;
    requires transitive org.junit.jupiter.api;

    exports dev.hotcold.junit;
}
