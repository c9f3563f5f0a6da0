package dev.hotcold.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A loopback listener that never accepts, with its accept queue full: the kernel drops the SYN of
 * any further connect, which then waits, as a connect to an unreachable host does, without leaving
 * loopback.
 */
public final class FullBacklog implements Unaccepting {
    private final ServerSocket listener;
    private final List<Socket> queued = new ArrayList<>();

    /**
     * Opens a loopback listener with a backlog of one and fills its queue with connections that are never
     * accepted; aborts the test where the kernel keeps accepting past the backlog.
     *
     * @throws IOException if the listener cannot be opened
     */
    public FullBacklog() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress address = address();
        for (int i = 0; i < 64; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(address, 250);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        close();
        Assumptions.abort("this kernel keeps accepting connections past a full backlog");
    }

    /**
     * Where the full listener is.
     *
     * @return the loopback address and port
     */
    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : queued) {
            socket.close();
        }
        listener.close();
    }
}
