package dev.hotcold.core.framing;

import java.nio.ByteBuffer;

/** Receives what a {@link LineFramer} finds: whole lines, and lines that were too long. */
public interface LineHandler {
    /**
     * One complete line, {@code bytes[from, to)}, without its {@code \n} or {@code \r\n}. The
     * bytes are only valid during the call; read them with absolute gets and do not keep the
     * buffer.
     */
    void onLine(ByteBuffer bytes, int from, int to);

    /** A line passed the maximum length; it is dropped up to and including its {@code \n}. */
    void onLineTooLong();
}
