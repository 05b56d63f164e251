package dev.cachedeck.server.metrics;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import dev.cachedeck.server.cache.CacheCounters;
import dev.cachedeck.server.near.NearCache;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Builds {@link StatsSnapshot}s from the recorders, and resets them. */
public final class StatsReport {
    private final RequestStats requests;
    private final CacheCounters counters;
    private final StatsTicker ticker;
    private final StatsSeries series;
    private final MarkerLog markers;
    private final Instrumentation instrumentation;
    private final BooleanSupplier keyEventsObserved;
    private final Clock clock;
    private final NearCache near;
    private final Supplier<String> instance;
    private volatile Instant since;

    public StatsReport(RequestStats requests, CacheCounters counters, StatsTicker ticker, StatsSeries series,
                       MarkerLog markers, Instrumentation instrumentation, BooleanSupplier keyEventsObserved,
                       Clock clock, NearCache near, Supplier<String> instance) {
        this.near = near;
        this.instance = instance;
        this.requests = requests;
        this.counters = counters;
        this.ticker = ticker;
        this.series = series;
        this.markers = markers;
        this.instrumentation = instrumentation;
        this.keyEventsObserved = keyEventsObserved;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** Everything since the last reset, with the kept ticks after {@code sinceSecond}. */
    public StatsSnapshot snapshot(long sinceSecond) {
        return new StatsSnapshot(instance.get(), clock.instant(), since, requests.requests(), requests.errors(),
                tierStats(), requests.routes(), requests.statementStats(), ticker.latestRedis(),
                instrumentation.enabled(), keyEventsObserved.getAsBoolean(), series.after(sinceSecond), near.figures());
    }

    /** Per tier: the total row ({@code route = "*"}) first, then one row per route. */
    public List<TierStats> tierStats() {
        List<TierStats> rows = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            rows.add(counters.total(tier));
        }
        rows.addAll(counters.snapshot());
        return rows;
    }

    /** Zeroes the cache counters and the request figures; the series keeps its history and gets a reset marker. */
    public void reset() {
        counters.reset();
        requests.reset();
        since = clock.instant();
        markers.record(MarkerLog.RESET, "stats reset");
    }
}
