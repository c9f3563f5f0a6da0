/**
 * hotcold's Micrometer binding: {@link dev.hotcold.micrometer.HotColdMeters}, a
 * {@link dev.hotcold.core.events.ServerObserver} that keeps a game server's meters in a
 * {@code MeterRegistry}.
 */
module dev.hotcold.micrometer {
    requires transitive dev.hotcold.core;
    requires transitive micrometer.core;

    exports dev.hotcold.micrometer;
}
