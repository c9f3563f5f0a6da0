package dev.hotcold.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/** A {@link RawClient} on a plain {@link Socket}, for socket transports. */
public final class SocketRawClient implements RawClient {
    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    /**
     * Connects to {@code address} within 10 s; reads then wait at most 30 s for a line.
     *
     * @param address the server's address
     * @throws IOException if the connection cannot be made
     */
    public SocketRawClient(SocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 10_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    /**
     * The underlying socket, for tests that set its options or reset it.
     *
     * @return the connected socket
     */
    public Socket socket() {
        return socket;
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
        socket.shutdownOutput();
    }

    @Override
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
