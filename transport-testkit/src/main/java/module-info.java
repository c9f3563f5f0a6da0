/**
 * The transport conformance suite: extend {@link dev.hotcold.testkit.TransportConformanceTest} in
 * a transport's tests to check it against everything hotcold promises.
 */
module dev.hotcold.testkit {
    requires transitive dev.hotcold.core;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    // LogRecords, a public class, is a java.util.logging Handler and hands out LogRecords.
    requires transitive java.logging;
    requires jdk.jfr;
    requires org.mockito;

    exports dev.hotcold.testkit;
}
