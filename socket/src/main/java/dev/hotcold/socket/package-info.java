/**
 * Socket plumbing for transports: {@link dev.hotcold.socket.Sockets#listen},
 * {@link dev.hotcold.socket.Sockets#acceptLoop} with its {@link dev.hotcold.socket.AcceptBackoff},
 * {@link dev.hotcold.socket.Sockets#refuse}, and {@link dev.hotcold.socket.SocketChannelSide}, the
 * accepted socket's side of a {@code dev.hotcold.core.spi.Channel}.
 *
 * <p><b>Stability.</b> This package is for transport authors and evolves with hotcold's SPI
 * ({@code dev.hotcold.core.spi}): within a minor version its signatures do not change; a new
 * minor version may change them, and its release notes say how.
 */
package dev.hotcold.socket;
