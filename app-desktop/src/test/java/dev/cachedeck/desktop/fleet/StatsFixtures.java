package dev.cachedeck.desktop.fleet;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.LatencyPercentiles;
import dev.cachedeck.model.monitor.NearFigures;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsSnapshot.RouteStats;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Stats answers as an instance of a fleet gives them, for the fleet, dashboard and Endpoints tests. */
public final class StatsFixtures {
    public static final Instant NOW = Instant.parse("2026-12-01T12:00:05Z");
    public static final Instant STARTED = Instant.parse("2026-12-01T11:00:00Z");

    private StatsFixtures() {
    }

    /** One second: {@code hits} and {@code misses} on the response tier, every request with the same latency. */
    public static StatsTick tick(long second, long requests, long errors, long hits, long misses, long p95Micros,
                                 double dbStatementsPerRequest) {
        return new StatsTick(second, requests, errors, Map.of(Tier.RESPONSE, new TierTick(hits, misses, 0, misses)),
                latency(requests, p95Micros), dbStatementsPerRequest, null, List.of(), null);
    }

    /** The same second with the instance's near tier. */
    public static StatsTick withNear(StatsTick tick, NearFigures near) {
        return new StatsTick(tick.second(), tick.requests(), tick.errors(), tick.tiers(), tick.latency(),
                tick.dbStatementsPerRequest(), tick.redis(), tick.markers(), near);
    }

    public static LatencyPercentiles latency(long count, long p95Micros) {
        return count == 0 ? new LatencyPercentiles(0, 0, 0, 0, 0)
                : new LatencyPercentiles(count, p95Micros / 2, p95Micros, p95Micros * 2, p95Micros * 3);
    }

    public static StatsSnapshot snapshot(String instance, List<StatsTick> series) {
        return snapshot(instance, List.of(), List.of(), series);
    }

    public static StatsSnapshot snapshot(String instance, List<RouteStats> routes, List<TierStats> tiers,
                                         List<StatsTick> series) {
        long requests = routes.stream().mapToLong(RouteStats::requests).sum();
        long errors = routes.stream().mapToLong(RouteStats::errors).sum();
        return new StatsSnapshot(instance, NOW, STARTED, requests, errors, tiers, routes, null, null, true, true, series,
                null);
    }

    public static RouteStats route(String route, long requests, long errors, long p95Micros, double dbPerRequest) {
        LatencyPercentiles latency = latency(requests, p95Micros);
        return new RouteStats(route, requests, errors, latency, latency, latency, dbPerRequest);
    }

    public static TierStats tier(Tier tier, String route, long hits, long misses) {
        return new TierStats(tier, route, hits, misses, 0, misses, 0, 0, 0, 0, 0);
    }
}
