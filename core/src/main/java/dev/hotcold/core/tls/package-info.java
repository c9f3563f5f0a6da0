/**
 * TLS settings shared by servers and clients of every socket transport: a {@link
 * dev.hotcold.core.tls.TlsConfig} built from a PKCS12 key store or PEM files, and whether clients
 * must show a certificate ({@link dev.hotcold.core.tls.ClientAuth}). The handshake itself is the
 * transport's (an {@code SSLSocket}, an {@code SSLEngine}, Netty's {@code SslHandler}); this
 * package only reads key material and says how an engine is set up.
 */
package dev.hotcold.core.tls;
