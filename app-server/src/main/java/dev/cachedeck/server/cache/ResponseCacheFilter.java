package dev.cachedeck.server.cache;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.server.cache.TierRecorder.Lookup;
import dev.cachedeck.server.http.HeadRequests;
import dev.cachedeck.server.near.NearCache;
import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.request.RequestScope;
import dev.cachedeck.server.request.RequestScope.Served;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The API-response tier: a filter around the six cached GET routes that answers from Redis when it
 * can (with an ETag, and 304 for a matching {@code If-None-Match}) and otherwise lets the route run,
 * copies its 200 body and stores it with the tags of everything the route read. A HEAD is answered
 * from an entry like a GET; on a miss the route runs and nothing is stored, as a HEAD's route writes
 * no body. It also names the request's route in its {@link RequestScope} and writes {@code X-Cache}
 * on every API call.
 */
final class ResponseCacheFilter implements Filter {
    private static final String JSON = "application/json";
    private static final int MAX_CACHED_BODY = 4 * 1024 * 1024;

    private final ResponseRoutes routes;
    private final EntryStore store;
    private final CacheKeys keys;
    private final LiveTtlPolicy ttl;
    private final CacheToggles toggles;
    private final TierRecorder recorder;
    private final RequestScope scope;
    private final NearCache near;

    ResponseCacheFilter(ResponseRoutes routes, EntryStore store, CacheKeys keys, LiveTtlPolicy ttl,
                        CacheToggles toggles, TierRecorder recorder, RequestScope scope, NearCache near) {
        this.near = near;
        this.routes = routes;
        this.store = store;
        this.keys = keys;
        this.ttl = ttl;
        this.toggles = toggles;
        this.recorder = recorder;
        this.scope = scope;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith(ApiPaths.API + "/")) {
            chain.proceed();
            return;
        }
        RequestScope.Request request = scope.request();
        Method method = req.prologue().method();
        Optional<ResponseRoutes.Route> match = method == Method.GET || method == Method.HEAD
                ? routes.match(req)
                : Optional.empty();
        res.beforeSend(() -> res.header(ApiPaths.HEADER_CACHE, describe(request.served())));
        if (match.isPresent()) {
            request.onCachedRoute(match.get().name());
            serve(match.get(), chain, req, res);
        } else {
            request.served(Tier.RESPONSE, Served.BYPASS);
            chain.proceed();
        }
    }

    private void serve(ResponseRoutes.Route route, FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> key = route.variant().map(variant -> keys.responseKey(route.name(), variant));
        if (key.isEmpty() || !toggles.active(Tier.RESPONSE)) {
            bypass(chain);
            return;
        }
        res.header(HeaderNames.CACHE_CONTROL, route.personal() ? "private, no-cache" : "no-cache");
        NearCache.Fill fill = null;
        if (toggles.active(Tier.NEAR)) {
            long nearStart = System.nanoTime();
            if (near.get(key.get()) instanceof CachedResponse held) {
                recorder.lookup(Tier.NEAR, key.get(), Lookup.HIT, nearStart);
                sendCached(held, req, res);
                return;
            }
            recorder.lookup(Tier.NEAR, key.get(), Lookup.MISS, nearStart);
            // Claimed before the Redis read, so a push that comes while it runs takes the claim away.
            fill = near.startFill(key.get());
        }
        EntryStore.Lease lease;
        long lookupStart = System.nanoTime();
        try {
            if (store.read(key.get()) instanceof EntryStore.Lookup.Hit hit) {
                recorder.lookup(Tier.RESPONSE, key.get(), Lookup.HIT, lookupStart);
                CachedResponse cached = CachedResponse.of(hit.envelope().payload());
                if (fill != null) {
                    near.complete(key.get(), fill, cached, cached.body().length);
                }
                sendCached(cached, req, res);
                return;
            }
            abandon(key.get(), fill);
            recorder.lookup(Tier.RESPONSE, key.get(), Lookup.MISS, lookupStart);
            if (HeadRequests.isHead(req)) {
                // The route measures its answer to a HEAD without writing it: there is no body to store.
                chain.proceed();
                return;
            }
            lease = store.lease(key.get());
            Optional<Envelope> theirs = lease.held() ? Optional.empty() : store.awaitHolder(key.get());
            if (theirs.isPresent()) {
                sendCached(CachedResponse.of(theirs.get().payload()), req, res);
                return;
            }
        } catch (CacheUnavailableException e) {
            abandon(key.get(), fill);
            recorder.lookup(Tier.RESPONSE, key.get(), Lookup.ERROR, lookupStart);
            bypass(chain);
            return;
        }
        ResponseCopy[] copy = new ResponseCopy[1];
        res.streamFilter(out -> copy[0] = new ResponseCopy(out, MAX_CACHED_BODY));
        chain.proceed();
        byte[] body = copy[0] == null ? null : copy[0].body();
        if (res.status().code() == Status.OK_200.code() && body != null) {
            save(route, key.get(), lease, body);
        } else {
            store.release(key.get(), lease);
        }
    }

    private void save(ResponseRoutes.Route route, String key, EntryStore.Lease lease, byte[] body) {
        Envelope envelope = new Envelope(Envelope.stamp(scope.frame().tags(), route.tags(), lease.startSeq()), body);
        try {
            switch (store.store(key, lease, envelope, ttl.forEntry(Tier.RESPONSE, route.type(), false))) {
                case STORED -> recorder.stored(Tier.RESPONSE);
                case REFUSED_STALE -> recorder.refusedStale(Tier.RESPONSE);
                case LEASE_LOST, NOT_LEASED -> { }
            }
        } catch (CacheUnavailableException e) {
            recorder.failed(Tier.RESPONSE);
        }
    }

    private void abandon(String key, NearCache.Fill fill) {
        if (fill != null) {
            near.abandon(key, fill);
        }
    }

    private void sendCached(CachedResponse cached, RoutingRequest req, RoutingResponse res) {
        String etag = cached.etag();
        res.header(HeaderNames.ETAG, etag);
        boolean unchanged = req.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(value -> value.equals("*") || List.of(value.split("\\s*,\\s*")).contains(etag))
                .orElse(false);
        if (unchanged) {
            res.status(Status.NOT_MODIFIED_304).send();
        } else {
            res.header(HeaderNames.CONTENT_TYPE, JSON);
            HeadRequests.response(req, res).send(cached.body());
        }
    }

    private void bypass(FilterChain chain) {
        recorder.bypassed(Tier.RESPONSE);
        chain.proceed();
    }

    /**
     * {@code api=MISS, query=HIT, model=HIT}: each tier the request consulted, in the order it meets them. The near
     * tier is named only when it answered ({@code near=HIT}): its misses are counted, not shown on every response.
     */
    static String describe(Map<Tier, Served> outcomes) {
        StringJoiner joiner = new StringJoiner(", ");
        for (Tier tier : Tier.values()) {
            Served outcome = outcomes.get(tier);
            if (outcome != null && (tier != Tier.NEAR || outcome == Served.HIT)) {
                joiner.add(tierName(tier) + "=" + outcome);
            }
        }
        return joiner.toString();
    }

    private static String tierName(Tier tier) {
        return switch (tier) {
            case NEAR -> "near";
            case RESPONSE -> "api";
            case QUERY -> "query";
            case MODEL -> "model";
        };
    }
}
