package com.example.hotcold.uds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotcold.core.transport.Transport;
import dev.hotcold.testkit.ChannelRawClient;
import dev.hotcold.testkit.RawClient;
import dev.hotcold.testkit.TransportClientTimeoutTest;
import dev.hotcold.testkit.TransportConformanceTest;
import dev.hotcold.testkit.TransportFaultTest;
import dev.hotcold.testkit.TransportUserCodeTest;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Every suite of hotcold's transport testkit, on the UNIX-domain transport. */
class UdsSuitesTest {

    @Nested
    class Conformance extends TransportConformanceTest {
        @Override
        protected Transport newTransport() {
            return new UdsTransport();
        }

        @Override
        protected RawClient openRaw(SocketAddress address) throws IOException {
            return new ChannelRawClient(address);
        }

        /** This transport's threads are its own, named {@code uds-server...}. */
        @Override
        protected void assertNoLeaks() throws InterruptedException {
            List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("uds-server"))
                    .toList();
            for (Thread thread : threads) {
                thread.join(20_000);
            }
            assertEquals(List.of(), threads.stream().filter(Thread::isAlive).map(Thread::getName).toList());
        }
    }

    @Nested
    class Faults extends TransportFaultTest {
        @Override
        protected Transport newTransport() {
            return new UdsTransport();
        }

        @Override
        protected RawClient openRaw(SocketAddress address) throws IOException {
            return new ChannelRawClient(address);
        }

        /** Not TCP: the suite's tests of TCP resets, buffer sizes and descriptors are skipped. */
        @Override
        protected boolean usesSockets() {
            return false;
        }
    }

    @Nested
    class UserCode extends TransportUserCodeTest {
        @Override
        protected Transport newTransport() {
            return new UdsTransport();
        }

        @Override
        protected RawClient openRaw(SocketAddress address) throws IOException {
            return new ChannelRawClient(address);
        }
    }

    /** A UNIX-domain connect never waits to be accepted: the connect-timeout tests are skipped. */
    @Nested
    class ClientTimeouts extends TransportClientTimeoutTest {
        @Override
        protected Transport newTransport() {
            return new UdsTransport();
        }
    }
}
