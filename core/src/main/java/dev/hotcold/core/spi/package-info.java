/**
 * The service-provider interface for transport authors: what a transport implements, and the
 * server lifecycle it gets from core. Exported only to hotcold's transport modules and the
 * testkit; an application never needs it.
 *
 * <p>Core owns everything a server decides: admission against
 * {@link dev.hotcold.core.server.ServerConfig#maxConnections()} and the
 * {@code ERROR server busy} refusal, the accepting, draining and terminated states behind the
 * shutdown verbs, connection bookkeeping, listener calls, and the idle timeout, decided from a
 * {@code now} the transport passes in. That is {@link dev.hotcold.core.server.ServerLifecycle}. A
 * transport is a byte pump: it binds and accepts ({@link dev.hotcold.core.spi.Endpoint}), moves
 * bytes for each connection through {@link dev.hotcold.core.server.ServerConnection#receive}, and
 * closes a connection or ends its input on request ({@link dev.hotcold.core.spi.Channel}).
 *
 * <h2>A transport must</h2>
 * <ul>
 *   <li>hand every accepted connection to {@link dev.hotcold.core.server.ServerLifecycle#admit} and
 *       serve only those it admits, calling {@link dev.hotcold.core.server.ServerConnection#start()}
 *       once it is ready to be asked to close them;</li>
 *   <li>call {@link dev.hotcold.core.server.ServerConnection#receive} from one thread at a time per
 *       connection, send every reply byte it produced in order, and stop reading once
 *       {@link dev.hotcold.core.server.ServerConnection#isFinished()} (then close after the last
 *       byte is sent);</li>
 *   <li>call {@link dev.hotcold.core.server.ServerConnection#closed()} exactly when the connection
 *       is closed, for whatever reason; core forgets it then;</li>
 *   <li>scan for idle connections every
 *       {@link dev.hotcold.core.server.ServerLifecycle#idleScanIntervalNanos()} if that is not zero,
 *       with {@code now} from {@link dev.hotcold.core.server.ServerLifecycle#now()};</li>
 *   <li>accept {@link dev.hotcold.core.spi.Channel#close()} and
 *       {@link dev.hotcold.core.spi.Channel#endInput()} from any thread and carry them out on the
 *       connection's own thread;</li>
 *   <li>end its own threads after {@link dev.hotcold.core.spi.Endpoint#release()}.</li>
 * </ul>
 *
 * <h2>A transport must not</h2>
 * <ul>
 *   <li>count connections, refuse them, call the listener, build sessions, read a clock for the
 *       idle timeout or keep a shutdown state of its own: core does each once;</li>
 *   <li>let an exception from a connection end a thread or an event loop that serves others.</li>
 * </ul>
 */
package dev.hotcold.core.spi;
