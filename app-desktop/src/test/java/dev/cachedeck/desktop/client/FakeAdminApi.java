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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link AdminApi} for view-model tests: each call is written down in {@link #calls} and answered with what
 * the test put in the matching field. A call whose field is empty answers as a server without that endpoint
 * would; {@link #failing} makes every call fail with it.
 */
public final class FakeAdminApi implements AdminApi {
    public final List<String> calls = new ArrayList<>();
    public AdminProblem failing;

    public CacheStatus cacheStatus;
    public TtlPolicyTable ttlPolicy;
    public InvalidationLogEntry invalidation;
    public List<InvalidationLogEntry> invalidations;
    public StatsSnapshot stats;
    public List<RequestTrace> traces;
    public NamespaceSummary keySummary;
    public InstanceList instances;
    /** Answered one per call, in order. */
    public final Deque<KeyPage> keyPages = new ArrayDeque<>();
    public final List<KeyQuery> keyQueries = new ArrayList<>();
    public KeyDetail keyDetail;
    public KeyInfo keyInfo;
    public PurgePreview purgePreview;
    public PurgeResult purgeResult;
    /** Answered one per call, the last one again once the others are used up. */
    public final Deque<PurgeProgress> purgeProgress = new ArrayDeque<>();
    public BenchStatus benchStatus;
    public LiveTrafficStatus liveTraffic;
    public LiveTrafficSpec startedTraffic;
    public ScenarioSpec startedSpec;

    private <T> T answer(String call, T value) {
        calls.add(call);
        if (failing != null) {
            throw failing;
        }
        if (value == null) {
            throw AdminProblem.unavailable(call);
        }
        return value;
    }

    @Override
    public CacheStatus cacheStatus() {
        return answer("cacheStatus", cacheStatus);
    }

    @Override
    public CacheStatus setCacheEnabled(boolean enabled) {
        return answer("setCacheEnabled " + enabled, cacheStatus);
    }

    @Override
    public CacheStatus setTierEnabled(Tier tier, boolean enabled) {
        return answer("setTierEnabled " + tier + " " + enabled, cacheStatus);
    }

    @Override
    public CacheStatus resetCounters() {
        return answer("resetCounters", cacheStatus);
    }

    @Override
    public void resetStats() {
        answer("resetStats", Boolean.TRUE);
    }

    @Override
    public TtlPolicyTable ttlPolicy() {
        return answer("ttlPolicy", ttlPolicy);
    }

    @Override
    public TtlPolicyTable changeTtl(TtlRule rule) {
        return answer("changeTtl " + rule.tier() + " " + rule.dataType() + " " + rule.ttlMillis(), ttlPolicy);
    }

    @Override
    public InvalidationLogEntry invalidate(EntityInvalidation entity) {
        return answer("invalidate " + entity.entity() + " " + entity.id(), invalidation);
    }

    @Override
    public List<InvalidationLogEntry> invalidations(int limit) {
        return answer("invalidations " + limit, invalidations);
    }

    @Override
    public StatsSnapshot stats(Instant since) {
        return answer("stats " + since, stats);
    }

    @Override
    public List<RequestTrace> traces(TraceListing listing, int limit, Optional<String> route) {
        return answer("traces " + listing + " " + limit + " " + route.orElse("*"), traces);
    }

    @Override
    public Stream<String> statsStream(Optional<String> lastEventId) {
        return answer("statsStream", null);
    }

    @Override
    public InstanceList instances() {
        return answer("instances", instances);
    }

    @Override
    public NamespaceSummary keySummary() {
        return answer("keySummary", keySummary);
    }

    @Override
    public KeyPage keys(KeyQuery query) {
        keyQueries.add(query);
        return answer("keys", keyPages.poll());
    }

    @Override
    public KeyDetail key(String key) {
        return answer("key " + key, keyDetail);
    }

    @Override
    public void deleteKey(String key) {
        answer("deleteKey " + key, Boolean.TRUE);
    }

    @Override
    public KeyInfo changeKeyTtl(String key, long ttlMillis) {
        return answer("changeKeyTtl " + key + " " + ttlMillis, keyInfo);
    }

    @Override
    public PurgePreview previewPurge(PurgeRequest request) {
        return answer("previewPurge", purgePreview);
    }

    @Override
    public PurgeResult purge(PurgeRequest request) {
        return answer("purge", purgeResult);
    }

    @Override
    public PurgeProgress purgeProgress() {
        return answer("purgeProgress", purgeProgress.size() > 1 ? purgeProgress.poll() : purgeProgress.peek());
    }

    @Override
    public BenchStatus benchStatus() {
        return answer("benchStatus", benchStatus);
    }

    @Override
    public BenchStatus startBench(ScenarioSpec spec) {
        startedSpec = spec;
        return answer("startBench", benchStatus);
    }

    @Override
    public BenchStatus stopBench() {
        return answer("stopBench", benchStatus);
    }

    @Override
    public LiveTrafficStatus liveTraffic() {
        return answer("liveTraffic", liveTraffic);
    }

    @Override
    public LiveTrafficStatus startLiveTraffic(LiveTrafficSpec spec) {
        startedTraffic = spec;
        return answer("startLiveTraffic", liveTraffic);
    }

    @Override
    public LiveTrafficStatus stopLiveTraffic() {
        return answer("stopLiveTraffic", liveTraffic);
    }
}
