package dev.hotcold.cli.load;

import dev.hotcold.core.client.ClientOptions;
import java.net.InetSocketAddress;
import dev.hotcold.core.tls.TlsConfig;
import java.time.Duration;

/**
 * What a load run does, checked by the command before it starts.
 *
 * @param address the server
 * @param connections connections opened and played on at once
 * @param range games are played on [1, range]
 * @param warmup played but not counted in the figures
 * @param measured played and counted
 * @param seed seeds every connection's secrets
 * @param replyTimeout longest the server may keep a connection waiting (for a reply, or to take
 *     its commands) before the connection counts a timeout
 * @param connectTimeout longest a connection may take to be set up, and the connect phase as a whole
 * @param connectWindow connections that may wait for their first reply at once
 * @param clientLoops NIO client event loops the connections share
 * @param tls TLS for every connection, or null for plain text
 */
record LoadPlan(InetSocketAddress address, int connections, long range, Duration warmup, Duration measured,
        long seed, Duration replyTimeout, Duration connectTimeout, int connectWindow, int clientLoops, TlsConfig tls) {

    /** The timeouts every connection's client keeps (the connect timeout and the reply timeout), and TLS. */
    ClientOptions clientOptions() {
        return ClientOptions.builder().connectTimeout(connectTimeout).replyTimeout(replyTimeout).tls(tls).build();
    }
}
