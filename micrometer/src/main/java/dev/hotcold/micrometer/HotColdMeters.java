package dev.hotcold.micrometer;

import dev.hotcold.core.events.CloseReason;
import dev.hotcold.core.events.ConnectionInfo;
import dev.hotcold.core.events.ConnectionSummary;
import dev.hotcold.core.events.GameEnd;
import dev.hotcold.core.events.GameSummary;
import dev.hotcold.core.events.Refusal;
import dev.hotcold.core.events.ServerObserver;
import dev.hotcold.core.events.UserCodeSource;
import dev.hotcold.core.protocol.ErrorReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Keeps a game server's meters in a Micrometer {@link MeterRegistry}: give it to the server as its
 * observer.
 *
 * <pre>{@code
 * MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * ServerConfig config = ServerConfig.builder()
 *         .observer(new HotColdMeters(registry, Tags.of("server", "east")))
 *         .build();
 * }</pre>
 *
 * <p>The meters, registered when this is made (every tag value at once, so that a scrape shows a
 * zero rather than no series at all):
 * <table>
 * <caption>hotcold's meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 * <tr><td>{@code hotcold.connections}</td><td>gauge</td><td></td><td>connections open now</td></tr>
 * <tr><td>{@code hotcold.connections.admitted}</td><td>counter</td><td></td><td>connections served</td></tr>
 * <tr><td>{@code hotcold.connections.refused}</td><td>counter</td><td>{@code reason}: {@code busy},
 *     {@code shutting_down}</td><td>connections turned away</td></tr>
 * <tr><td>{@code hotcold.connections.closed}</td><td>counter</td><td>{@code reason}: {@code client_left},
 *     {@code shutdown}, {@code shutdown_now}, {@code idle_timeout}, {@code line_timeout},
 *     {@code handshake_timeout}, {@code handshake_failed},
 *     {@code out_of_memory}</td>
 *     <td>connections closed</td></tr>
 * <tr><td>{@code hotcold.received}, {@code hotcold.sent}</td><td>counter (bytes)</td><td></td>
 *     <td>bytes each connection took and made, counted when it closes</td></tr>
 * <tr><td>{@code hotcold.games.started}</td><td>counter</td><td></td><td>{@code PARAMS} that began a game</td></tr>
 * <tr><td>{@code hotcold.games.finished}</td><td>counter</td><td>{@code end}: {@code won},
 *     {@code abandoned}, {@code replaced}, {@code cut_off}</td><td>games over</td></tr>
 * <tr><td>{@code hotcold.game.guesses}</td><td>distribution summary (guesses)</td><td></td>
 *     <td>different numbers guessed in each finished game</td></tr>
 * <tr><td>{@code hotcold.game.duration}</td><td>timer</td><td></td><td>each finished game, {@code PARAMS}
 *     to its end</td></tr>
 * <tr><td>{@code hotcold.roundtrip}</td><td>timer</td><td></td><td>the server's own time to answer client
 *     bytes that held a {@code NUMBER}: parse, guess and reply made, network not included</td></tr>
 * <tr><td>{@code hotcold.protocol.errors}</td><td>counter</td><td>{@code reason}: the
 *     {@link ErrorReason} in lower case, such as {@code unknown_command}</td><td>{@code ERROR} replies</td></tr>
 * <tr><td>{@code hotcold.usercode.failures}</td><td>counter</td><td>{@code source}: {@code listener},
 *     {@code strategy}</td><td>throws from the application's listener and strategy</td></tr>
 * </table>
 *
 * <p>{@code hotcold.roundtrip} and {@code hotcold.game.guesses} publish a histogram (so that
 * percentiles can be taken across servers, as Prometheus's {@code histogram_quantile} does) and the
 * 0.5, 0.99 and 0.999 percentiles of each server. The histograms' buckets are 1, 2 and 5 of each
 * decade: from 100 ns to 10 s for round trips, from 1 to ten million for guesses. A
 * {@code MeterFilter} on the registry changes any of that, as for any Micrometer meter. A Prometheus
 * registry publishes the histogram and leaves the in-process percentiles out: give it
 * {@link #histogramsOnly()} first, and the meters do not pay for them (in one JMH run, 19 of the
 * 146 ns the meters added to a round trip). Each call is a counter
 * increment or a recording: no allocation, no lock beyond what the registry's meters take. One
 * instance may observe several servers: their figures add up under the same tags.
 */
public final class HotColdMeters implements ServerObserver {
    private static final double[] PERCENTILES = {0.5, 0.99, 0.999};
    /**
     * A filter for registries that publish histograms and take percentiles from them where they are
     * queried, as Prometheus does with {@code histogram_quantile}: hotcold's meters keep their
     * buckets and compute no percentiles in the process. Configure it on the registry before the
     * meters are made:
     *
     * <pre>{@code
     * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
     * registry.config().meterFilter(HotColdMeters.histogramsOnly());
     * ServerConfig config = ServerConfig.builder().observer(new HotColdMeters(registry)).build();
     * }</pre>
     *
     * @return a filter that leaves every meter but hotcold's as it is
     */
    public static MeterFilter histogramsOnly() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().startsWith("hotcold.")
                        ? DistributionStatisticConfig.builder().percentiles().build().merge(config)
                        : config;
            }
        };
    }

    /**
     * The round-trip histogram's bucket bounds: 1, 2 and 5 of each decade from 100 ns (a warm
     * server answers most round trips within a microsecond, far below Micrometer's default lowest
     * bucket of a millisecond) to ten seconds, which only a strategy that blocks would reach. 25
     * buckets, each a series in every scrape.
     */
    static final Duration[] ROUND_TRIP_BUCKETS = oneTwoFive(100, 10_000_000_000L).stream()
            .map(Duration::ofNanos).toArray(Duration[]::new);
    /** The guesses histogram's bucket bounds: 1, 2 and 5 of each decade up to ten million. */
    static final double[] GUESSES_BUCKETS = oneTwoFive(1, 10_000_000).stream().mapToDouble(Long::doubleValue).toArray();

    private final AtomicLong open = new AtomicLong();
    private final Counter admitted;
    private final EnumMap<Refusal, Counter> refused;
    private final EnumMap<CloseReason, Counter> closed;
    private final Counter bytesReceived;
    private final Counter bytesSent;
    private final Counter gamesStarted;
    private final EnumMap<GameEnd, Counter> gamesFinished;
    private final DistributionSummary guesses;
    private final Timer gameDuration;
    private final Timer roundTrip;
    private final EnumMap<ErrorReason, Counter> protocolErrors;
    private final EnumMap<UserCodeSource, Counter> userCodeFailures;

    /**
     * Registers the meters in {@code registry}, untagged.
     *
     * @param registry where the meters live
     */
    public HotColdMeters(MeterRegistry registry) {
        this(registry, Tags.empty());
    }

    /**
     * Registers the meters in {@code registry}, each with {@code tags} (a server's name, say).
     *
     * @param registry where the meters live
     * @param tags tags every meter carries
     */
    public HotColdMeters(MeterRegistry registry, Iterable<Tag> tags) {
        Objects.requireNonNull(registry, "registry");
        Tags common = Tags.of(Objects.requireNonNull(tags, "tags"));
        Gauge.builder("hotcold.connections", open, AtomicLong::get)
                .description("Connections open now").baseUnit("connections").tags(common)
                .strongReference(true).register(registry);
        admitted = counter(registry, "hotcold.connections.admitted", "Connections served", common);
        refused = counters(Refusal.class, "reason", reason -> Counter.builder("hotcold.connections.refused")
                .description("Connections turned away without being served"), registry, common);
        closed = counters(CloseReason.class, "reason", reason -> Counter.builder("hotcold.connections.closed")
                .description("Connections closed, by why"), registry, common);
        bytesReceived = Counter.builder("hotcold.received").baseUnit("bytes")
                .description("Bytes the server took from clients, counted as each connection closes")
                .tags(common).register(registry);
        bytesSent = Counter.builder("hotcold.sent").baseUnit("bytes")
                .description("Reply bytes the server made, counted as each connection closes")
                .tags(common).register(registry);
        gamesStarted = counter(registry, "hotcold.games.started", "Games begun by a PARAMS", common);
        gamesFinished = counters(GameEnd.class, "end", end -> Counter.builder("hotcold.games.finished")
                .description("Games over, by how they ended"), registry, common);
        guesses = DistributionSummary.builder("hotcold.game.guesses").baseUnit("guesses")
                .description("Different numbers the server guessed in each finished game")
                .serviceLevelObjectives(GUESSES_BUCKETS).publishPercentiles(PERCENTILES)
                .tags(common).register(registry);
        gameDuration = Timer.builder("hotcold.game.duration")
                .description("Each finished game, from its PARAMS to its end").tags(common).register(registry);
        roundTrip = Timer.builder("hotcold.roundtrip")
                .description("The server's time to answer client bytes that held a NUMBER, network not included")
                .serviceLevelObjectives(ROUND_TRIP_BUCKETS).publishPercentiles(PERCENTILES)
                .tags(common).register(registry);
        protocolErrors = counters(ErrorReason.class, "reason", reason -> Counter.builder("hotcold.protocol.errors")
                .description("ERROR replies, by reason"), registry, common);
        userCodeFailures = counters(UserCodeSource.class, "source", source -> Counter.builder("hotcold.usercode.failures")
                .description("Throws from the application's listener and strategy"), registry, common);
    }

    /** 1, 2 and 5 times each power of ten from {@code lowest} (a power of ten) to {@code highest}. */
    private static List<Long> oneTwoFive(long lowest, long highest) {
        List<Long> bounds = new ArrayList<>();
        for (long decade = lowest; decade <= highest; decade *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                if (decade * step <= highest) {
                    bounds.add(decade * step);
                }
            }
        }
        return bounds;
    }

    private static Counter counter(MeterRegistry registry, String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    /** A counter per value of {@code type}, tagged {@code key} with the value's name in lower case. */
    private static <E extends Enum<E>> EnumMap<E, Counter> counters(Class<E> type, String key,
            Function<E, Counter.Builder> builder, MeterRegistry registry, Tags common) {
        EnumMap<E, Counter> counters = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counters.put(value, builder.apply(value).tags(common).tag(key, tagValue(value)).register(registry));
        }
        return counters;
    }

    /** How a value of one of hotcold's enums reads as a tag: {@code SHUTTING_DOWN} is {@code shutting_down}. */
    static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void onConnectionAdmitted(ConnectionInfo connection) {
        open.incrementAndGet();
        admitted.increment();
    }

    @Override
    public void onConnectionRefused(SocketAddress client, Refusal reason) {
        refused.get(reason).increment();
    }

    @Override
    public void onConnectionClosed(ConnectionInfo connection, ConnectionSummary summary) {
        open.decrementAndGet();
        closed.get(summary.reason()).increment();
        bytesReceived.increment(summary.bytesIn());
        bytesSent.increment(summary.bytesOut());
    }

    @Override
    public void onGameStarted(ConnectionInfo connection, long lower, long upper) {
        gamesStarted.increment();
    }

    @Override
    public void onGameFinished(ConnectionInfo connection, GameSummary game) {
        gamesFinished.get(game.end()).increment();
        guesses.record(game.guesses());
        gameDuration.record(game.duration());
    }

    @Override
    public void onRoundTrip(ConnectionInfo connection, long nanos) {
        roundTrip.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onProtocolError(ConnectionInfo connection, ErrorReason reason) {
        protocolErrors.get(reason).increment();
    }

    @Override
    public void onUserCodeFailure(ConnectionInfo connection, UserCodeSource source, Throwable failure) {
        userCodeFailures.get(source).increment();
    }

    /**
     * Connections open now, as the {@code hotcold.connections} gauge reads.
     *
     * @return connections admitted and not yet closed
     */
    public long connections() {
        return open.get();
    }
}
