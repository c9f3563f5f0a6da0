package dev.hotcold.cli.load;

import java.net.InetSocketAddress;
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
 * @param replyTimeout longest wait for a reply before the connection counts a timeout
 * @param connectTimeout longest the connect phase may take
 * @param connectWindow connections that may wait for their first reply at once
 * @param clientLoops NIO client event loops the connections share
 */
record LoadPlan(InetSocketAddress address, int connections, long range, Duration warmup, Duration measured,
        long seed, Duration replyTimeout, Duration connectTimeout, int connectWindow, int clientLoops) {}
