package dev.hotcold.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A {@link RawClient} on a blocking {@link SocketChannel}: TCP for an {@link InetSocketAddress},
 * UNIX-domain for a {@link UnixDomainSocketAddress}. For transports of either kind; TCP tests that
 * set socket options use {@link SocketRawClient}. A line waits as long as the test allows.
 */
public final class ChannelRawClient implements RawClient {
    private final SocketChannel channel;
    private final OutputStream out;
    private final BufferedReader in;

    /**
     * Connects to {@code address}.
     *
     * @param address the server's address
     * @throws IOException if the connection cannot be made
     */
    public ChannelRawClient(SocketAddress address) throws IOException {
        channel = SocketChannel.open(address instanceof UnixDomainSocketAddress
                ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
        try {
            channel.connect(address);
            if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        out = Channels.newOutputStream(channel);
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.ISO_8859_1));
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public String readLine() throws IOException {
        return in.readLine();
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Closes at once; a UNIX-domain socket has no reset, so this is a plain close there. */
    @Override
    public void abort() throws IOException {
        if (channel.supportedOptions().contains(StandardSocketOptions.SO_LINGER)) {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        channel.close();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
