package dev.hotcold.core.spi;

/**
 * Implemented by an asynchronous client connection whose stages complete on threads of the
 * transport's own (an event loop, a reader thread), so that a blocking call made on one of those
 * threads fails at once with an {@link IllegalStateException} rather than wait for itself, as
 * Netty's {@code checkDeadLock} does. {@code GameConnection.blocking} asks it before every wait.
 */
public interface CompletingThread {

    /**
     * Whether the calling thread is one that completes this connection's stages, or those of
     * connections sharing its threads.
     *
     * @return {@code true} if a blocking wait here could wait for itself
     */
    boolean isCompletingThread();
}
