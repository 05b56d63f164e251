package dev.cachedeck.model.monitor;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/cache}: whether the cache and each tier are on, the Redis circuit state
 * (CLOSED, OPEN, RECOVERING), the application's counters per tier and route, and the answering instance's near tier
 * with its limits (null from a server without one).
 */
public record CacheStatus(boolean enabled, Map<String, Boolean> tiers, String circuit, List<TierCounters> counters,
                          NearFigures near) {

    /**
     * Counters of one tier on one route ({@code route = "*"} for a tier's total): {@link StatsSnapshot.TierStats}
     * as this response has always spelled it (the tier by its wire name, without the Redis-side removals).
     */
    public record TierCounters(String tier, String route, long hits, long misses, long errors, long puts,
                               long bypasses, long invalidations, long refusedStale, double hitRate) {
        public static TierCounters of(StatsSnapshot.TierStats stats) {
            return new TierCounters(stats.tier().wireName(), stats.route(), stats.hits(), stats.misses(),
                    stats.errors(), stats.puts(), stats.bypasses(), stats.invalidations(), stats.refusedStale(),
                    stats.hitRate());
        }
    }
}
