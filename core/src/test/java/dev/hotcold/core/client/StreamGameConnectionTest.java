package dev.hotcold.core.client;

import dev.hotcold.core.protocol.*;
import dev.hotcold.core.client.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.protocol.Command;
import dev.hotcold.core.protocol.Decision;
import dev.hotcold.core.protocol.Reply;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamGameConnectionTest {

    @Test
    void sendsQueuedCommandsInOneWriteWhenItReceives() throws IOException {
        List<String> writes = new ArrayList<>();
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(new String(bytes, offset, length, StandardCharsets.US_ASCII));
            }
        };
        boolean[] closed = {false};
        StreamGameConnection connection = new StreamGameConnection(
                new ByteArrayInputStream("4\r\nERROR no game in progress\n".getBytes(StandardCharsets.US_ASCII)),
                out, () -> closed[0] = true);
        connection.send(Command.Report.of(Decision.UNSURE));
        connection.send(Command.NumberRequest.INSTANCE);
        assertEquals(List.of(), writes, "nothing leaves before a flush");
        assertEquals(new Reply.Guess(4), connection.receive());
        assertEquals(List.of("REPORT Unsure\nNUMBER\n"), writes);
        assertEquals(new Reply.Error("no game in progress"), connection.receive());
        assertThrows(EOFException.class, connection::receive);
        connection.close();
        assertTrue(closed[0]);
        assertThrows(IOException.class, () -> connection.send(Command.Clear.INSTANCE));
    }
}
