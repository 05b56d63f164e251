package dev.cachedeck.server.metrics;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import dev.cachedeck.model.monitor.LatencyPercentiles;
import dev.cachedeck.model.monitor.RedisFigures;
import dev.cachedeck.model.monitor.StatsSnapshot.RouteStats;
import dev.cachedeck.server.cache.CacheCounters;
import dev.cachedeck.server.near.NearCache;
import dev.cachedeck.server.near.NearStats;
import dev.cachedeck.server.store.StatementTally;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prometheus text format 0.0.4 with Micrometer's names: {@code cache_gets_total{cache="query",result="hit"}},
 * {@code http_server_requests_seconds} as a summary per route, {@code db_statements_total} and Redis-wide
 * {@code redis_*} gauges from the last tick's INFO.
 */
public final class PrometheusExposition {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final CacheCounters counters;
    private final RequestStats requests;
    private final StatementTally statements;
    private final StatsTicker ticker;
    private final Instrumentation instrumentation;
    private final NearCache near;

    public PrometheusExposition(CacheCounters counters, RequestStats requests, StatementTally statements,
                                StatsTicker ticker, Instrumentation instrumentation, NearCache near) {
        this.near = near;
        this.counters = counters;
        this.requests = requests;
        this.statements = statements;
        this.ticker = ticker;
        this.instrumentation = instrumentation;
    }

    public String render() {
        StringBuilder out = new StringBuilder(8192);
        cacheFamilies(out);
        requestFamilies(out);
        family(out, "db_statements_total", "counter", "SQL statements executed by the application");
        sample(out, "db_statements_total", "", statements.totalStatements());
        family(out, "db_statements_seconds_total", "counter", "Time spent executing SQL statements");
        sample(out, "db_statements_seconds_total", "", statements.totalNanos() / 1e9);
        redisFamilies(out, ticker.latestRedis());
        family(out, "cachedeck_instrumentation_enabled", "gauge", "1 while latency histograms and traces are recorded");
        sample(out, "cachedeck_instrumentation_enabled", "", instrumentation.enabled() ? 1 : 0);
        return out.toString();
    }

    private void cacheFamilies(StringBuilder out) {
        List<TierStats> totals = List.of(counters.total(Tier.NEAR), counters.total(Tier.RESPONSE),
                counters.total(Tier.QUERY), counters.total(Tier.MODEL));
        family(out, "cache_gets_total", "counter", "Cache lookups by tier and result (the application's own counters)");
        for (TierStats row : totals) {
            sample(out, "cache_gets_total", labels("cache", row.tier().wireName(), "result", "hit"), row.hits());
            sample(out, "cache_gets_total", labels("cache", row.tier().wireName(), "result", "miss"), row.misses());
        }
        family(out, "cache_puts_total", "counter", "Entries stored by tier");
        totals.forEach(row -> sample(out, "cache_puts_total", labels("cache", row.tier().wireName()), row.puts()));
        family(out, "cache_evictions_total", "counter",
                "Entries removed by tier and cause: a write's invalidation, TTL expiry, or Redis's maxmemory eviction");
        for (TierStats row : totals) {
            String cache = row.tier().wireName();
            sample(out, "cache_evictions_total", labels("cache", cache, "cause", "invalidation"), row.invalidations());
            sample(out, "cache_evictions_total", labels("cache", cache, "cause", "expiry"), row.expired());
            sample(out, "cache_evictions_total", labels("cache", cache, "cause", "memory"), row.evicted());
        }
        family(out, "cache_errors_total", "counter", "Lookups or stores that failed because Redis did not answer");
        totals.forEach(row -> sample(out, "cache_errors_total", labels("cache", row.tier().wireName()), row.errors()));
        family(out, "cache_bypasses_total", "counter", "Lookups skipped because the tier was switched off");
        totals.forEach(row -> sample(out, "cache_bypasses_total", labels("cache", row.tier().wireName()),
                row.bypasses()));
        nearFamilies(out, near.stats());
    }

    /** The near tier's own figures, this instance's only (each instance has its own near tier). */
    private static void nearFamilies(StringBuilder out, NearStats stats) {
        gauge(out, "cachedeck_near_entries", "Entries the near tier holds in this process", stats.size());
        gauge(out, "cachedeck_near_bytes", "Bytes the near tier charges against its limit", stats.bytes());
        gauge(out, "cachedeck_near_filling", "1 while the near tier takes entries (every tracking connection up)",
                stats.filling() ? 1 : 0);
        counter(out, "cachedeck_near_pushed_keys_total", "Keys named in Redis invalidation pushes received",
                stats.pushedKeys());
        family(out, "cachedeck_near_removals_total", "counter",
                "Near entries removed by cause: an invalidation (push or own write), the local TTL, or the size limits");
        sample(out, "cachedeck_near_removals_total", labels("cause", "invalidation"), stats.invalidated());
        sample(out, "cachedeck_near_removals_total", labels("cause", "expiry"), stats.expired());
        sample(out, "cachedeck_near_removals_total", labels("cause", "memory"), stats.evicted());
        family(out, "cachedeck_near_clears_total", "counter", "Times the whole near tier was emptied, by cause");
        stats.clears().forEach((cause, count) ->
                sample(out, "cachedeck_near_clears_total", labels("cause", cause.wireName()), count));
    }

    private void requestFamilies(StringBuilder out) {
        List<RouteStats> routes = requests.routes();
        Map<String, Double> seconds = requests.secondsByRoute();
        family(out, "http_server_requests_seconds", "summary", "API request latency per route");
        for (RouteStats route : routes) {
            LatencyPercentiles latency = route.latency();
            quantile(out, route.route(), "0.5", latency.p50Micros());
            quantile(out, route.route(), "0.95", latency.p95Micros());
            quantile(out, route.route(), "0.99", latency.p99Micros());
            sample(out, "http_server_requests_seconds_count", labels("route", route.route()), route.requests());
            sample(out, "http_server_requests_seconds_sum", labels("route", route.route()),
                    seconds.getOrDefault(route.route(), 0.0));
        }
        family(out, "http_server_requests_seconds_max", "gauge", "Slowest API request per route since the last reset");
        routes.forEach(route -> sample(out, "http_server_requests_seconds_max", labels("route", route.route()),
                route.latency().maxMicros() / 1e6));
        family(out, "http_server_errors_total", "counter", "API requests answered with a 5xx status, per route");
        routes.forEach(route -> sample(out, "http_server_errors_total", labels("route", route.route()), route.errors()));
    }

    private static void quantile(StringBuilder out, String route, String quantile, long micros) {
        sample(out, "http_server_requests_seconds", labels("route", route, "quantile", quantile), micros / 1e6);
    }

    private static void redisFamilies(StringBuilder out, RedisFigures redis) {
        family(out, "redis_up", "gauge", "1 when Redis answered INFO at the last tick");
        sample(out, "redis_up", "", redis == null ? 0 : 1);
        if (redis == null) {
            return;
        }
        gauge(out, "redis_used_memory_bytes", "Memory used by the whole Redis server", redis.usedMemoryBytes());
        gauge(out, "redis_keys", "Keys in every database of the Redis server", redis.keys());
        counter(out, "redis_keyspace_hits_total", "Redis-wide successful key lookups since Redis started", redis.keyspaceHits());
        counter(out, "redis_keyspace_misses_total", "Redis-wide failed key lookups since Redis started", redis.keyspaceMisses());
        counter(out, "redis_evicted_keys_total", "Keys Redis evicted for memory since it started", redis.evictedKeys());
        counter(out, "redis_expired_keys_total", "Keys Redis expired since it started", redis.expiredKeys());
        gauge(out, "redis_ops_per_second", "Commands per second, as Redis measures it", redis.opsPerSecond());
        gauge(out, "redis_connected_clients", "Clients connected to Redis", redis.connectedClients());
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        family(out, name, "counter", help);
        sample(out, name, "", value);
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        family(out, name, "gauge", help);
        sample(out, name, "", value);
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(format(value)).append('\n');
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.9g", value);
    }

    private static String labels(String... namesAndValues) {
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                labels.append(',');
            }
            labels.append(namesAndValues[i]).append("=\"").append(escape(namesAndValues[i + 1])).append('"');
        }
        return labels.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
