package com.example.hotcold.uds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotcold.core.client.Game;
import dev.hotcold.core.client.GameConnection;
import dev.hotcold.core.server.GameServer;
import dev.hotcold.core.server.ServerConfig;
import dev.hotcold.core.transport.Transport;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UdsTransportTest {

    @Test
    void serviceLoaderFindsItByName() {
        try (Transport transport = Transport.named("uds")) {
            assertInstanceOf(UdsTransport.class, transport);
        }
    }

    @Test
    void servesOnTheSocketFileItIsGivenAndRemovesItAtShutdown() throws Exception {
        Path file = Files.createTempDirectory("uds-test").resolve("game.sock");
        Transport transport = new UdsTransport();
        try (GameServer server = transport.serve(ServerConfig.builder().bindAddress(UnixDomainSocketAddress.of(file)).build());
             GameConnection connection = transport.connect(server.address());
             Game game = Game.start(connection, 1, 5, 3)) {
            assertEquals(UnixDomainSocketAddress.of(file), server.address());
            assertTrue(Files.exists(file));
            assertEquals(3, game.play().getLast().number());
        }
        assertTrue(Files.notExists(file), "the socket file goes with the server");
        Files.delete(file.getParent());
    }

    /**
     * README's "Write a transport" section shows this transport's {@code serve}: the snippet there
     * must be the code here, line for line, so that what README teaches is what CI builds.
     */
    @Test
    void readmeShowsThisCode() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        String source = Files.readString(Path.of("src/main/java/com/example/hotcold/uds/UdsTransport.java"));
        int start = readme.indexOf("    public GameServer serve(ServerConfig config) throws IOException {");
        assertTrue(start >= 0, "README shows serve()");
        String snippet = readme.substring(start, readme.indexOf("\n```", start));
        assertTrue(source.contains(snippet), "README's serve() is UdsTransport's:\n" + snippet);
    }
}
