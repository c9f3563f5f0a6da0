package dev.hotcold.transport.netty;

import dev.hotcold.core.server.ServerLifecycle;
import dev.hotcold.core.tls.TlsConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;

/**
 * Sets up a child channel for hotcold's game: an {@link SslHandler} on the server's
 * {@link TlsConfig} if it has one (the JDK's engine; core times the handshake), then a
 * {@link HotColdServerHandler}. Give it to a {@code ServerBootstrap} as the child handler, or call
 * {@link #addTo(Channel)} from an initializer of your own that puts other handlers first (a proxy
 * protocol decoder, say). Made by {@link HotColdService#channelInitializer()}.
 */
public final class HotColdChannelInitializer extends ChannelInitializer<Channel> {
    private final ServerLifecycle server;
    private final TlsConfig tls;

    HotColdChannelInitializer(ServerLifecycle server) {
        this.server = server;
        this.tls = server.config().tls().orElse(null);
    }

    @Override
    protected void initChannel(Channel channel) {
        addTo(channel);
    }

    /**
     * Adds the game's handlers at the end of {@code channel}'s pipeline.
     *
     * @param channel an accepted channel, before it is active
     */
    public void addTo(Channel channel) {
        if (tls != null) {
            SslHandler ssl = new SslHandler(tls.newServerEngine());
            ssl.setHandshakeTimeout(0, TimeUnit.MILLISECONDS);   // core's handshake timeout rules, on its clock
            channel.pipeline().addLast("hotcold-tls", ssl);
        }
        channel.pipeline().addLast("hotcold-game", new HotColdServerHandler(server));
    }
}
