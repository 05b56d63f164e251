package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.TraceSpan;
import dev.cachedeck.server.request.RequestScope;
import dev.cachedeck.server.request.RequestScope.Served;

/**
 * The tier recorder: every outcome goes to the counters under the request's route, to the request's
 * {@code X-Cache} and, for lookups, to its spans (kept only while instrumentation is on).
 */
final class CountingTierRecorder implements TierRecorder {
    private final CacheCounters counters;
    private final RequestScope scope;

    CountingTierRecorder(CacheCounters counters, RequestScope scope) {
        this.counters = counters;
        this.scope = scope;
    }

    @Override
    public void lookup(Tier tier, String key, Lookup result, long startNanos) {
        String route = scope.counterRoute();
        switch (result) {
            case HIT -> counters.hit(tier, route);
            case MISS -> counters.miss(tier, route);
            case BYPASS -> counters.bypass(tier, route);
            case ERROR -> counters.error(tier, route);
        }
        scope.served(tier, switch (result) {
            case HIT -> Served.HIT;
            case MISS -> Served.MISS;
            case BYPASS, ERROR -> Served.BYPASS;
        });
        scope.span(TraceSpan.Kind.TIER, tier.name(), key, result.name(), startNanos);
    }

    @Override
    public void bypassed(Tier tier) {
        counters.bypass(tier, scope.counterRoute());
        scope.served(tier, Served.BYPASS);
    }

    @Override
    public void stored(Tier tier) {
        counters.put(tier, scope.counterRoute());
    }

    @Override
    public void refusedStale(Tier tier) {
        counters.refusedStale(tier, scope.counterRoute());
    }

    @Override
    public void failed(Tier tier) {
        counters.error(tier, scope.counterRoute());
    }
}
