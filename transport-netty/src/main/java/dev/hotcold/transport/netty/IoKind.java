package dev.hotcold.transport.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Locale;
import java.util.Optional;

/**
 * The I/O a Netty server runs on: the JDK's selectors ({@link #NIO}, everywhere), Linux's epoll,
 * or Linux's io_uring (both through Netty's native libraries, for x86-64 Linux here). {@link #AUTO}
 * is the best that loads on this machine: io_uring, then epoll, then NIO.
 */
public enum IoKind {
    /** {@code java.nio} selectors: every platform. */
    NIO,
    /** Linux epoll, edge-triggered, through Netty's native library. */
    EPOLL,
    /** Linux io_uring through Netty's native library; needs a kernel that allows it. */
    IO_URING,
    /** The best kind that loads here, chosen when the server starts. */
    AUTO;

    /**
     * The kind a command line or option names: {@code nio}, {@code epoll}, {@code io_uring} or {@code auto}.
     *
     * @param name the kind's name, in any case
     * @return the kind
     * @throws IllegalArgumentException naming the allowed values
     */
    public static IoKind parse(String name) {
        for (IoKind kind : values()) {
            if (kind.optionName().equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("io must be one of nio, epoll, io_uring, auto; was '" + name + "'");
    }

    /**
     * The kind's name as options and the command line write it.
     *
     * @return {@code nio}, {@code epoll}, {@code io_uring} or {@code auto}
     */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Why this kind cannot run here, if it cannot: the native library did not load, or the
     * kernel refuses it. {@link #NIO} and {@link #AUTO} always run.
     *
     * @return the reason, or empty if it runs
     */
    public Optional<Throwable> unavailabilityCause() {
        return switch (this) {
            case NIO, AUTO -> Optional.empty();
            case EPOLL -> Epoll.isAvailable() ? Optional.empty() : Optional.of(Epoll.unavailabilityCause());
            case IO_URING -> IoUring.isAvailable() ? Optional.empty() : Optional.of(IoUring.unavailabilityCause());
        };
    }

    /**
     * Whether this kind runs here.
     *
     * @return {@code true} if it loads
     */
    public boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    /**
     * The kind {@link #AUTO} stands for here, or this kind.
     *
     * @return a concrete kind
     */
    public IoKind resolve() {
        if (this != AUTO) {
            return this;
        }
        return IO_URING.isAvailable() ? IO_URING : EPOLL.isAvailable() ? EPOLL : NIO;
    }

    /**
     * The event loops' handler factory, for this kind (or what {@link #AUTO} stands for here).
     *
     * @return a new factory
     */
    public IoHandlerFactory handlerFactory() {
        return switch (resolve()) {
            case NIO -> NioIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            case IO_URING -> IoUringIoHandler.newFactory();
            case AUTO -> throw new AssertionError("resolved");
        };
    }

    /**
     * The listening channel's class, for this kind (or what {@link #AUTO} stands for here).
     *
     * @return the class
     */
    public Class<? extends ServerChannel> serverChannelClass() {
        return switch (resolve()) {
            case NIO -> NioServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            case IO_URING -> IoUringServerSocketChannel.class;
            case AUTO -> throw new AssertionError("resolved");
        };
    }
}
