package dev.hotcold.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientOptionsTest {

    @Test
    void defaultsAreTenSecondsToConnectAndThirtyForAReply() {
        ClientOptions defaults = ClientOptions.defaults();
        assertEquals(Duration.ofSeconds(10), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds(30), defaults.replyTimeout());
        assertEquals(defaults, ClientOptions.builder().build());
        assertEquals("ClientOptions[connectTimeout=10 s, replyTimeout=30 s]", defaults.toString());
    }

    @Test
    void settingsAreKeptAndCopied() {
        ClientOptions options = ClientOptions.builder()
                .connectTimeout(Duration.ofMillis(1500)).replyTimeout(Duration.ofMillis(250)).build();
        assertEquals(Duration.ofMillis(1500), options.connectTimeout());
        assertEquals(Duration.ofMillis(250), options.replyTimeout());
        assertEquals(options, options.toBuilder().build());
        assertEquals(options.hashCode(), options.toBuilder().build().hashCode());
        assertEquals("ClientOptions[connectTimeout=1.5 s, replyTimeout=250 ms]", options.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectTimeout", "replyTimeout"})
    void badValuesAreRefusedNamingTheSetting(String setting) {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(366)}) {
            ClientOptions.Builder builder = ClientOptions.builder();
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> set(builder, setting, bad));
            assertEquals(setting, refused.getMessage().split(" ")[0], refused.getMessage());
        }
        assertEquals("replyTimeout must be positive, was 0 ms", assertThrows(IllegalArgumentException.class,
                () -> ClientOptions.builder().replyTimeout(Duration.ZERO)).getMessage());
        assertThrows(NullPointerException.class, () -> set(ClientOptions.builder(), setting, null));
    }

    @Test
    void timeoutsNameTheSettingTheValueAndTheAddress() {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 1234);
        ClientTimeoutException connect = ClientTimeoutException.connect(address, Duration.ofSeconds(10));
        assertEquals("cannot connect to 127.0.0.1:1234 within 10 s (connectTimeout)", connect.getMessage());
        assertEquals(ClientTimeoutException.Setting.connectTimeout, connect.setting());
        ClientTimeoutException reply = ClientTimeoutException.reply(address, Duration.ofMillis(300));
        assertEquals("no reply from 127.0.0.1:1234 within 300 ms (replyTimeout)", reply.getMessage());
        assertEquals(Duration.ofMillis(300), reply.timeout());
        assertEquals("127.0.0.1:1234 took no command within 30 s (replyTimeout)",
                ClientTimeoutException.send(address, Duration.ofSeconds(30)).getMessage());
    }

    private static void set(ClientOptions.Builder builder, String setting, Duration value) {
        if (setting.equals("connectTimeout")) {
            builder.connectTimeout(value);
        } else {
            builder.replyTimeout(value);
        }
    }
}
