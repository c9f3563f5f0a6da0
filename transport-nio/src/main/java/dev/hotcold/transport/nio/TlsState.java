package dev.hotcold.transport.nio;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * One TLS connection's engine and the encrypted bytes read but not yet unwrapped (a partial
 * record, or records held back while the connection's input is paused). Belongs to the loop
 * thread. The engine's buffer sizes are the session's, about 17 KiB each.
 */
final class TlsState {
    final SSLEngine engine;
    /** Encrypted input, in write mode between reads. */
    ByteBuffer netIn;
    /** The handshake is under way: no game byte yet. */
    boolean handshaking = true;
    /** {@code close_notify} was wrapped; nothing more goes out. */
    boolean outboundClosed;

    TlsState(SSLEngine engine) throws SSLException {
        this.engine = engine;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.beginHandshake();   // the server waits for the ClientHello: NEED_UNWRAP
    }
}
