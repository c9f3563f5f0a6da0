/**
 * What a transport implements: the service-provider interface for transport authors. An
 * application never needs it.
 *
 * <p>Core owns everything a server decides: admission against
 * {@link dev.hotcold.core.server.ServerConfig#maxConnections()} and the {@code ERROR server busy}
 * refusal, the accepting, draining and terminated states behind the shutdown verbs, connection
 * bookkeeping, the listener's events, and the idle timeout, decided from a {@code now} the
 * transport passes in. That is {@link dev.hotcold.core.server.ServerLifecycle}, the
 * {@link dev.hotcold.core.server.GameServer} a transport's {@code serve} returns. A transport is a
 * byte pump: it binds and accepts (an {@link dev.hotcold.core.spi.Endpoint}), and for each
 * connection moves bytes through {@link dev.hotcold.core.server.ServerConnection#receive} and
 * closes or ends its input on request (a {@link dev.hotcold.core.spi.Channel}). It also writes
 * the client side, a {@link dev.hotcold.core.client.GameClient}: for streams (a socket's, say)
 * {@link dev.hotcold.core.client.StreamGameConnection} and
 * {@link dev.hotcold.core.client.StreamAsyncConnection} are the blocking and the asynchronous
 * connection, and {@link dev.hotcold.core.client.ClientDeadline} bounds every wait.
 * {@code hotcold-socket} does the socket work for TCP and UNIX-domain transports.
 *
 * <h2>A transport must</h2>
 * <ul>
 *   <li>hand every accepted connection to {@link dev.hotcold.core.server.ServerLifecycle#admit}
 *       on the thread that will serve it, once it can carry out {@link dev.hotcold.core.spi.Channel#close()}
 *       and {@link dev.hotcold.core.spi.Channel#endInput()} (core may ask from that moment, from
 *       any thread), and serve only those it admits;</li>
 *   <li>call {@link dev.hotcold.core.server.ServerConnection#receive} from one thread at a time
 *       per connection, never holding a lock another connection needs (it runs the strategy, and
 *       may run the listener), send every reply byte it produced in order, and stop reading once
 *       {@link dev.hotcold.core.server.ServerConnection#isFinished()} (then close after the last
 *       byte is sent);</li>
 *   <li>call {@link dev.hotcold.core.server.ServerConnection#closed()} exactly when the connection
 *       is closed, for whatever reason, after its last {@code receive} returned; core frees the
 *       slot then;</li>
 *   <li>scan for idle connections and late lines every
 *       {@link dev.hotcold.core.server.ServerLifecycle#idleScanIntervalNanos()} if that is not
 *       zero, with {@code now} from {@link dev.hotcold.core.server.ServerLifecycle#now()}, and
 *       carry out {@link dev.hotcold.core.spi.Channel#closeWith} (a last reply, then the close)
 *       without waiting on the scanning thread;</li>
 *   <li>if one thread serves many connections (an event loop): give the lifecycle a listener
 *       executor, so that a slow listener holds up only its own connection, and hold a
 *       connection's input while {@link dev.hotcold.core.server.ServerConnection#isInputPaused()}
 *       until {@link dev.hotcold.core.spi.Channel#resumeInput()}; implement
 *       {@link dev.hotcold.core.spi.CompletingThread} on asynchronous client connections whose
 *       stages complete on its threads;</li>
 *   <li>end its own threads after {@link dev.hotcold.core.spi.Endpoint#release()}, and release
 *       everything it took if {@code serve} fails part-way.</li>
 * </ul>
 *
 * <h2>A transport must not</h2>
 * <ul>
 *   <li>count connections, refuse them, call the listener or the strategy, build sessions, read a
 *       clock for the idle timeout or keep a shutdown state of its own: core does each once;</li>
 *   <li>let anything one connection does, {@link Error}s included, end a thread or an event loop
 *       that serves others.</li>
 * </ul>
 *
 * <p>Check a transport with {@code hotcold-transport-testkit}: extend its conformance, fault,
 * user-code and client-timeout suites. {@code examples/transport-uds} in hotcold's repository is
 * a complete transport written this way, outside the build.
 *
 * <h2>Stability</h2>
 * This package, and the transport-facing parts of {@code dev.hotcold.core.server}
 * ({@code ServerLifecycle}, {@code ServerConnection}), {@code dev.hotcold.core.codec} and
 * {@code hotcold-socket}, are for transport authors and evolve with them: within a minor version
 * their signatures do not change; a new minor version may change them, and its release notes say
 * how. Before 1.0 that is every version.
 */
package dev.hotcold.core.spi;
