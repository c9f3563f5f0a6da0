package dev.hotcold.cli.load;

import dev.hotcold.core.client.Addresses;
import dev.hotcold.core.client.GameClient;
import dev.hotcold.core.transport.Transport;
import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One load run, from the connect phase to the report: connects (paced by {@link RunSignals}),
 * plays through the warmup, measures, and ends at its deadline whatever the server does.
 *
 * <p>Every connection is made by one client that keeps the plan's timeouts
 * ({@link LoadPlan#clientOptions()}): a connection the server keeps waiting past the reply timeout
 * fails with a timeout on its own, as it runs out. The calling thread keeps
 * the run's time: it wakes every {@link #TICK_NANOS} to count the connections still playing and,
 * once a second, prints a {@link ProgressLine}. The run ends at the connect timeout plus the
 * warmup plus the measured time at the latest, or sooner if no connection is left playing; the
 * report gives both the measured time and the run's whole. The caller owns the transport and
 * closes it afterwards.
 */
final class LoadRun {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LoadPlan plan;
    private final GameClient client;
    private final PrintWriter progress;
    private final LoadStats stats = new LoadStats();
    private final RunSignals signals;
    private final ConnectionDriver[] drivers;
    private final LatencyLog latencyLog;
    private int started;

    private long runStart;
    private long lastTick;
    private int playing;
    private long lastProgress;
    private long lastGames;
    private long lastRoundTrips;
    private Histogram interval;
    /** Where measured intervals accumulate; null outside the measured phase. */
    private Histogram measured;

    LoadRun(LoadPlan plan, Transport transport, PrintWriter progress) {
        this(plan, transport, progress, LatencyLog.NONE);
    }

    /** A run that also writes each measured second's latencies to {@code latencyLog}. */
    LoadRun(LoadPlan plan, Transport transport, PrintWriter progress, LatencyLog latencyLog) {
        this.plan = plan;
        this.latencyLog = latencyLog;
        this.client = transport.client(plan.clientOptions());
        this.progress = progress;
        this.signals = new RunSignals(plan.connections(), plan.connectWindow());
        this.drivers = new ConnectionDriver[plan.connections()];
        SplittableRandom seeds = new SplittableRandom(plan.seed());
        for (int i = 0; i < drivers.length; i++) {
            drivers[i] = new ConnectionDriver(stats, signals, plan.range(), seeds.split());
        }
    }

    LoadReport run() throws InterruptedException {
        runStart = System.nanoTime();
        lastProgress = runStart;
        lastTick = runStart;
        try {
            connect(runStart + plan.connectTimeout().toNanos());
            long warmupEnd = System.nanoTime() + plan.warmup().toNanos();
            play("warmup", warmupEnd);

            // Measuring starts here: what the warmup did is set aside.
            long measureStart = System.nanoTime();
            long gamesBefore = stats.games();
            interval = stats.takeInterval(interval);
            measured = new Histogram(3);
            latencyLog.start(plan.connections() + " connection(s) to " + Addresses.describe(plan.address())
                    + ", games on [1, " + plan.range() + "], seed " + plan.seed(), System.currentTimeMillis());
            play("measuring", measureStart + plan.measured().toNanos());
            long measureEnd = System.nanoTime();
            long games = stats.games() - gamesBefore;
            interval = stats.takeInterval(interval);
            measured.add(interval);
            latencyLog.interval(interval);
            // The round trips measured are those whose latencies were: the histogram's intervals
            // start and end exactly where its percentiles (and the --histogram log) do.
            long roundTrips = measured.getTotalCount();

            int stalled = timeOutStalled(measureEnd, roundTrips);
            stopAll();   // before the whole run's totals, which a connection still playing would add to
            return new LoadReport(games, roundTrips, (measureEnd - measureStart) / 1e9,
                    micros(measured, 50), micros(measured, 99), stats.errorsByKind(), plan.connections(),
                    plan.range(), stalled, (System.nanoTime() - runStart) / 1e9, stats.games(), stats.roundTrips());
        } finally {
            stopAll();
        }
    }

    /** Ends the run: every connection stops playing and is closed; a second call does nothing more. */
    private void stopAll() {
        signals.markOver();
        for (ConnectionDriver driver : drivers) {
            driver.stop();
        }
    }

    /** Starts every connection, at most a window of them waiting at once, until the deadline. */
    private void connect(long deadline) throws InterruptedException {
        while (started < drivers.length) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                break;
            }
            if (signals.takeConnectSlot(Math.min(TICK_NANOS, deadline - now))) {
                drivers[started++].start(client, plan.address());
            }
            tick("connecting");
        }
        while (!signals.awaitAllSettled(Math.min(TICK_NANOS, deadline - System.nanoTime()))) {
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            tick("connecting");
        }
        // Out of time: whatever is not connected yet counts as a connect timeout.
        for (int i = started; i < drivers.length; i++) {
            stats.error(ErrorKind.CONNECT_TIMEOUT);
            signals.neverStarted();
        }
        for (int i = 0; i < started; i++) {
            drivers[i].abandonIfConnecting();
        }
        signals.markReleased();
        for (int i = 0; i < started; i++) {
            drivers[i].release();
        }
    }

    /**
     * Lets the connections play until {@code until}, or until none is left playing: then at once,
     * so that a phase nobody played in lasts no time at all.
     */
    private void play(String phase, long until) throws InterruptedException {
        long now;
        while ((now = System.nanoTime()) - until < 0) {
            if (countPlaying() == 0) {
                return;   // nobody left to play: waiting on would only delay the report
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(TICK_NANOS, until - now));
            tick(phase);
        }
    }

    /** At most once per tick: counts the connections still playing, and prints progress when a second has passed. */
    private void tick(String phase) {
        long now = System.nanoTime();
        if (now - lastTick < TICK_NANOS) {
            return;
        }
        lastTick = now;
        playing = countPlaying();
        if (now - lastProgress >= PROGRESS_NANOS) {
            printProgress(phase, now);
        }
    }

    private int countPlaying() {
        int count = 0;
        for (int i = 0; i < started; i++) {
            if (drivers[i].isPlaying()) {
                count++;
            }
        }
        return count;
    }

    private void printProgress(String phase, long now) {
        double dt = (now - lastProgress) / 1e9;
        long games = stats.games();
        long roundTrips = stats.roundTrips();
        interval = stats.takeInterval(interval);
        if (measured != null) {
            measured.add(interval);
            latencyLog.interval(interval);
        }
        ProgressLine line = new ProgressLine(phase, (now - runStart) / 1e9, (games - lastGames) / dt,
                (roundTrips - lastRoundTrips) / dt, micros(interval, 50), micros(interval, 99), playing, stats.errors());
        progress.println(line.format());
        progress.flush();
        lastProgress = now;
        lastGames = games;
        lastRoundTrips = roundTrips;
    }

    /**
     * Counts as timeouts the connections still waiting for a reply when the run ends: those that
     * have waited past the reply timeout and, if the server answered nothing at all while the run
     * measured, every one still waiting (a stuck server must not pass for a clean run because the
     * timeout is longer than the run). Says on the progress stream what stalled.
     */
    private int timeOutStalled(long now, long measuredRoundTrips) {
        long cutoff = measuredRoundTrips == 0 ? now : now - plan.replyTimeout().toNanos();
        int stalled = 0;
        long longest = 0;
        for (int i = 0; i < started; i++) {
            ConnectionDriver driver = drivers[i];
            long waited = driver.waitingNanos(now);
            if (driver.timeOutIfWaitingSince(cutoff)) {
                stalled++;
                longest = Math.max(longest, waited);
            }
        }
        if (stalled > 0) {
            progress.printf("hotcold load: %d connection(s) stalled: no reply to NUMBER %s, the longest wait %d ms"
                    + " (counted as timeout)%n", stalled, measuredRoundTrips == 0 ? "while measuring"
                    : "within the timeout", TimeUnit.NANOSECONDS.toMillis(longest));
            progress.flush();
        }
        return stalled;
    }

    private static long micros(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0
                : Math.round(histogram.getValueAtPercentile(percentile) / 1000.0);
    }
}
