package dev.cachedeck.model.monitor;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/cache}: whether the cache and each tier are on, the Redis circuit state
 * (CLOSED, OPEN, RECOVERING) and the application's counters per tier and route.
 */
public record CacheStatus(boolean enabled, Map<String, Boolean> tiers, String circuit, List<TierCounters> counters) {

    /** Counters of one tier on one route ({@code route = "*"} for a tier's total). */
    public record TierCounters(String tier, String route, long hits, long misses, long errors, long puts,
                               long bypasses, long invalidations, long refusedStale, double hitRate) {
    }
}
