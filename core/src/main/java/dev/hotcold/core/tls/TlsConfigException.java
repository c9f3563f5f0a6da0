package dev.hotcold.core.tls;

/**
 * TLS cannot be set up as asked: a key or trust file is missing or unreadable, its password is
 * wrong, it holds no key or a key that is not its certificate's, or a certificate is expired. The
 * message names the file and says what is wrong, in one line.
 */
public final class TlsConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure without an underlying cause.
     *
     * @param message what is wrong, naming the file
     */
    public TlsConfigException(String message) {
        super(message);
    }

    /**
     * A failure with its underlying cause.
     *
     * @param message what is wrong, naming the file
     * @param cause what the JDK reported
     */
    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
