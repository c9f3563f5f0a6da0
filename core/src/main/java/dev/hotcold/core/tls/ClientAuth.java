package dev.hotcold.core.tls;

/** Whether a TLS server asks its clients for a certificate, and whether it insists on one. */
public enum ClientAuth {
    /** The server asks for no certificate: any client that completes the handshake plays. */
    NONE,
    /**
     * The server asks for a certificate; a client without one still plays. A certificate the
     * server cannot verify is treated as none (the JDK's TLS does so): the connection names no
     * one, so a listener never sees an identity nobody vouched for.
     */
    OPTIONAL,
    /** Only a client whose certificate the server trusts completes the handshake. */
    REQUIRED
}
