package dev.cachedeck.desktop.dashboard;

import dev.cachedeck.desktop.shell.TierStyle;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's chart data: ring buffers of 15 minutes (900 points) per line, so memory stays flat however
 * long the window is open. Written from the stream's thread inside each data set's write lock (ChartFX
 * locks data sets during layout; writing from the FX thread can deadlock it), read by the charts.
 * x is the epoch second.
 */
public final class LiveSeries {
    /** What the server keeps and replays; a longer buffer would only hold what the window cannot show. */
    public static final int CAPACITY = 900;

    private final Map<Tier, CircularDoubleErrorDataSet> hitRate = new EnumMap<>(Tier.class);
    private final CircularDoubleErrorDataSet p50 = dataSet("p50", "series-p50");
    private final CircularDoubleErrorDataSet p95 = dataSet("p95", "series-p95");
    private final CircularDoubleErrorDataSet p99 = dataSet("p99", "series-p99");
    private final CircularDoubleErrorDataSet requests = dataSet("requests/s", "series-requests");
    private final CircularDoubleErrorDataSet errors = dataSet("errors/s", "series-errors");
    private final CircularDoubleErrorDataSet dbPerRequest = dataSet("DB statements/request", "series-db");
    private long lastSecond = Long.MIN_VALUE;

    public LiveSeries() {
        for (Tier tier : Tier.values()) {
            hitRate.put(tier, dataSet(tier.displayName(), TierStyle.styleClass(tier)));
        }
    }

    private static CircularDoubleErrorDataSet dataSet(String name, String styleClass) {
        CircularDoubleErrorDataSet dataSet = new CircularDoubleErrorDataSet(name, CAPACITY);
        dataSet.addStyleClasses(styleClass);
        return dataSet;
    }

    /**
     * Appends ticks newer than the last one (a replay after reconnecting repeats some). A tier not asked in
     * a second gets no hit-rate point rather than a made-up 0 %.
     */
    public synchronized void append(List<StatsTick> ticks) {
        for (StatsTick tick : ticks) {
            if (tick.second() <= lastSecond) {
                continue;
            }
            lastSecond = tick.second();
            double x = tick.second();
            hitRate.forEach((tier, dataSet) -> {
                TierTick figures = tick.tiers().get(tier);
                long lookups = figures == null ? 0 : figures.hits() + figures.misses();
                if (lookups > 0) {
                    add(dataSet, x, 100.0 * figures.hits() / lookups);
                }
            });
            if (tick.latency().count() > 0) {
                add(p50, x, tick.latency().p50Micros() / 1000.0);
                add(p95, x, tick.latency().p95Micros() / 1000.0);
                add(p99, x, tick.latency().p99Micros() / 1000.0);
            }
            add(requests, x, tick.requests());
            add(errors, x, tick.errors());
            if (tick.requests() > 0) {
                add(dbPerRequest, x, tick.dbStatementsPerRequest());
            }
        }
    }

    /** Empties every line, for a new source of ticks (a fleet in place of one server). Not on the FX thread. */
    public synchronized void clear() {
        hitRate.values().forEach(LiveSeries::reset);
        List.of(p50, p95, p99, requests, errors, dbPerRequest).forEach(LiveSeries::reset);
        lastSecond = Long.MIN_VALUE;
    }

    private static void reset(CircularDoubleErrorDataSet dataSet) {
        dataSet.lock().writeLockGuard(() -> dataSet.reset());
    }

    private static void add(CircularDoubleErrorDataSet dataSet, double x, double y) {
        dataSet.lock().writeLockGuard(() -> dataSet.add(x, y, 0, 0));
    }

    public List<CircularDoubleErrorDataSet> hitRate() {
        return List.copyOf(hitRate.values());
    }

    public List<CircularDoubleErrorDataSet> latency() {
        return List.of(p50, p95, p99);
    }

    public List<CircularDoubleErrorDataSet> throughput() {
        return List.of(requests, errors);
    }

    public List<CircularDoubleErrorDataSet> database() {
        return List.of(dbPerRequest);
    }

    /** Points currently held by the requests/s line, which gets one per tick. */
    public int points() {
        return requests.lock().readLockGuard(requests::getDataCount);
    }
}
