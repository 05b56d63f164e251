package dev.cachedeck.model.monitor;

import dev.cachedeck.model.Tier;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /admin/stats}: everything counted since {@code since} (server start or the last reset).
 *
 * @param instance      the id of the server instance these figures are from (each instance counts its own)
 * @param tiers         the application's own cache counters per tier and route, one row per tier with
 *                      {@code route = "*"} for the tier's total
 * @param routes        request figures per route (cached GET routes by name, everything else as
 *                      {@code "METHOD /path/template"})
 * @param dbStatements  how many SQL statements requests ran
 * @param redis         Redis-wide INFO figures of the last tick, null when Redis could not be asked
 * @param instrumented  whether latency histograms and traces are being recorded (counters always are)
 * @param keyEventsObserved whether the server receives Redis's expired/evicted key notifications, so that
 *                      {@link TierStats#expired()} and {@link TierStats#evicted()} are counted
 * @param series        the kept one-second ticks after the requested {@code since} second, oldest first
 * @param near          the answering instance's near tier (each instance has its own)
 */
public record StatsSnapshot(String instance, Instant takenAt, Instant since, long requests, long errors,
                            List<TierStats> tiers, List<RouteStats> routes, StatementStats dbStatements,
                            RedisFigures redis, boolean instrumented, boolean keyEventsObserved,
                            List<StatsTick> series, NearFigures near) {

    /**
     * One tier on one route, the one shape of a counters row (Caffeine's CacheStats is the model): the counters
     * make it, the cache-status and snapshot responses carry it, and the ticker's per-second delta is
     * {@code now.minus(before)}. {@code hitRate} is hits / (hits + misses), 0 when none, and always derived from
     * them. {@code invalidations} are entries removed by writes; {@code expired} (TTL reached) and {@code evicted}
     * (maxmemory) are what Redis removed by itself, counted on the tier's total row only (0 on route rows).
     */
    public record TierStats(Tier tier, String route, long hits, long misses, long errors,
                            long puts, long bypasses, long invalidations, long refusedStale, long expired,
                            long evicted, double hitRate) {
        public TierStats {
            long lookups = hits + misses;
            hitRate = lookups == 0 ? 0 : (double) hits / lookups;
        }

        public TierStats(Tier tier, String route, long hits, long misses, long errors, long puts, long bypasses,
                         long invalidations, long refusedStale, long expired, long evicted) {
            this(tier, route, hits, misses, errors, puts, bypasses, invalidations, refusedStale, expired, evicted, 0);
        }

        /** Nothing counted yet. */
        public static TierStats empty(Tier tier, String route) {
            return new TierStats(tier, route, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        /** The sum of this and {@code other}, field by field, under this row's tier and route. */
        public TierStats plus(TierStats other) {
            return new TierStats(tier, route, hits + other.hits, misses + other.misses, errors + other.errors,
                    puts + other.puts, bypasses + other.bypasses, invalidations + other.invalidations,
                    refusedStale + other.refusedStale, expired + other.expired, evicted + other.evicted);
        }

        /** What was counted since {@code earlier}; never negative, like Caffeine's {@code CacheStats.minus}. */
        public TierStats minus(TierStats earlier) {
            return new TierStats(tier, route, Math.max(0, hits - earlier.hits), Math.max(0, misses - earlier.misses),
                    Math.max(0, errors - earlier.errors), Math.max(0, puts - earlier.puts),
                    Math.max(0, bypasses - earlier.bypasses), Math.max(0, invalidations - earlier.invalidations),
                    Math.max(0, refusedStale - earlier.refusedStale), Math.max(0, expired - earlier.expired),
                    Math.max(0, evicted - earlier.evicted));
        }
    }

    /**
     * One route. {@code responseHits} are requests answered whole from a cached response (the near tier's copy
     * or the response tier in Redis); {@code responseMisses} are the rest (a response-tier MISS, BYPASS or ERROR,
     * and every uncached route), so hits vs misses is "served from the cache" vs "built by the application".
     */
    public record RouteStats(String route, long requests, long errors, LatencyPercentiles latency,
                             LatencyPercentiles responseHits, LatencyPercentiles responseMisses,
                             double dbStatementsPerRequest) {
    }

    /**
     * SQL statements per request: mean, max and how many requests ran exactly {@code statements} statements
     * (the last bucket has {@code orMore = true} and counts requests that ran at least that many).
     */
    public record StatementStats(long requests, long statements, double mean, long max,
                                 List<StatementBucket> distribution) {
    }

    public record StatementBucket(int statements, boolean orMore, long requests) {
    }
}
