package dev.hotcold.transport.inmemory;

import java.io.Serial;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The address of an in-memory server: a name, unique within the JVM while the server runs.
 *
 * <pre>{@code
 * InMemoryAddress address = InMemoryAddress.unique();       // "hotcold-1", "hotcold-2", ...
 * GameServer server = transport.serve(ServerConfig.builder().bindAddress(address).build());
 * }</pre>
 */
public final class InMemoryAddress extends SocketAddress {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final AtomicLong NEXT = new AtomicLong(1);

    /** The server's name; the whole of the address. */
    private final String name;

    /**
     * The address called {@code name}.
     *
     * @param name the server's name, not blank
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public InMemoryAddress(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an in-memory address needs a name");
        }
        this.name = name;
    }

    /**
     * A name no other call in this JVM returns.
     *
     * @return a fresh address named {@code hotcold-N}
     */
    public static InMemoryAddress unique() {
        return unique("hotcold");
    }

    /**
     * A name no other call in this JVM returns, made of {@code prefix} and a counter.
     *
     * @param prefix the start of the name
     * @return a fresh address named {@code prefix-N}
     */
    public static InMemoryAddress unique(String prefix) {
        return new InMemoryAddress(prefix + "-" + NEXT.getAndIncrement());
    }

    /**
     * The server's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InMemoryAddress address && address.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "inmemory:" + name;
    }
}
