package dev.cachedeck.desktop.client;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.LiveTrafficSpec;
import dev.cachedeck.model.bench.LiveTrafficStatus;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.model.keys.EntityInvalidation;
import dev.cachedeck.model.keys.InvalidationLogEntry;
import dev.cachedeck.model.keys.KeyDetail;
import dev.cachedeck.model.keys.KeyInfo;
import dev.cachedeck.model.keys.KeyPage;
import dev.cachedeck.model.keys.NamespaceSummary;
import dev.cachedeck.model.keys.PurgePreview;
import dev.cachedeck.model.keys.PurgeProgress;
import dev.cachedeck.model.keys.PurgeRequest;
import dev.cachedeck.model.keys.PurgeResult;
import dev.cachedeck.model.keys.TtlPolicyTable;
import dev.cachedeck.model.keys.TtlRule;
import dev.cachedeck.model.monitor.CacheStatus;
import dev.cachedeck.model.monitor.InstanceList;
import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.model.monitor.StatsSnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server's admin API as the desktop's view-models use it: typed calls, no paths. Every call blocks (run it
 * through {@code Tasks}) and fails with an {@link AdminProblem} that says in words what went wrong; a call the
 * server has no route for fails with {@link AdminProblem#unavailable()} set.
 */
public interface AdminApi {
    /** Which request traces to list. */
    enum TraceListing { RECENT, SLOWEST }

    // Cache switches and counters
    CacheStatus cacheStatus();

    CacheStatus setCacheEnabled(boolean enabled);

    CacheStatus setTierEnabled(Tier tier, boolean enabled);

    CacheStatus resetCounters();

    /** Clears the request statistics; the server clears the cache counters with them. */
    void resetStats();

    // TTL policy, manual invalidation and its log
    TtlPolicyTable ttlPolicy();

    TtlPolicyTable changeTtl(TtlRule rule);

    InvalidationLogEntry invalidate(EntityInvalidation entity);

    /** Newest first. */
    List<InvalidationLogEntry> invalidations(int limit);

    // Statistics and traces
    /** The snapshot with the series from {@code since} on; {@code since} = now asks for the totals only. */
    StatsSnapshot stats(Instant since);

    /** {@code route} empty lists every route. */
    List<RequestTrace> traces(TraceListing listing, int limit, Optional<String> route);

    /**
     * The live stats stream, as lines of Server-Sent Events, resuming after {@code lastEventId}. Closing the
     * stream closes the connection.
     */
    Stream<String> statsStream(Optional<String> lastEventId) throws IOException, InterruptedException;

    // The fleet
    /** The instances registered in the Redis this server shares with them, itself included. */
    InstanceList instances();

    // Key browser and purges
    NamespaceSummary keySummary();

    KeyPage keys(KeyQuery query);

    KeyDetail key(String key);

    void deleteKey(String key);

    KeyInfo changeKeyTtl(String key, long ttlMillis);

    /** Counts and sizes every selected key; may take minutes on a large keyspace. */
    PurgePreview previewPurge(PurgeRequest request);

    /** Answers when the purge is over; the server removes keys at a bounded rate, so that may be minutes. */
    PurgeResult purge(PurgeRequest request);

    PurgeProgress purgeProgress();

    // Before/after scenario
    BenchStatus benchStatus();

    BenchStatus startBench(ScenarioSpec spec);

    BenchStatus stopBench();

    // Live traffic without phases
    LiveTrafficStatus liveTraffic();

    /** Starts it, or applies new settings to the traffic that runs. */
    LiveTrafficStatus startLiveTraffic(LiveTrafficSpec spec);

    LiveTrafficStatus stopLiveTraffic();
}
