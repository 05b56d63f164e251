package dev.cachedeck.server.cache;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.auth.Principal;
import dev.cachedeck.server.cache.CacheScope.Outcome;
import dev.cachedeck.server.http.RequestReader;
import dev.cachedeck.server.near.NearCache;
import dev.cachedeck.server.trace.TraceScope;
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
 * copies its 200 body and stores it with the tags of everything the route read. It also opens the
 * request's {@link CacheScope} for every API call and writes {@code X-Cache}.
 */
public final class ResponseCacheFilter implements Filter {
    private static final String JSON = "application/json";
    private static final int MAX_CACHED_BODY = 4 * 1024 * 1024;

    private final List<CachedRoute> routes;
    private final EntryStore store;
    private final CacheKeys keys;
    private final LiveTtlPolicy ttl;
    private final CacheToggles toggles;
    private final CacheCounters counters;
    private final CacheScope scope;
    private final TraceScope traces;
    private final RequestReader reader;
    private final Authenticator authenticator;
    private final NearCache near;

    public ResponseCacheFilter(List<CachedRoute> routes, EntryStore store, CacheKeys keys, LiveTtlPolicy ttl,
                               CacheToggles toggles, CacheCounters counters, CacheScope scope, TraceScope traces,
                               RequestReader reader, Authenticator authenticator, NearCache near) {
        this.routes = routes;
        this.store = store;
        this.keys = keys;
        this.ttl = ttl;
        this.toggles = toggles;
        this.counters = counters;
        this.scope = scope;
        this.traces = traces;
        this.reader = reader;
        this.authenticator = authenticator;
        this.near = near;
    }

    private record Match(CachedRoute route, long id) {
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith(ApiPaths.API + "/")) {
            chain.proceed();
            return;
        }
        Optional<Match> match = req.prologue().method() == Method.GET ? match(path) : Optional.empty();
        CacheScope.Frame request = scope.openRequest(match.map(m -> m.route().name()).orElse("write"));
        res.beforeSend(() -> res.header(ApiPaths.HEADER_CACHE, describe(request.outcomes())));
        try {
            if (match.isPresent()) {
                serve(match.get(), chain, req, res, request);
            } else {
                scope.record(Tier.RESPONSE, Outcome.BYPASS);
                chain.proceed();
            }
        } finally {
            scope.closeRequest();
        }
    }

    private void serve(Match match, FilterChain chain, RoutingRequest req, RoutingResponse res, CacheScope.Frame request) {
        CachedRoute route = match.route();
        traces.route(route.name());
        Optional<String> key = key(match, req);
        if (key.isEmpty() || !toggles.active(Tier.RESPONSE)) {
            bypass(route, chain);
            return;
        }
        res.header(HeaderNames.CACHE_CONTROL, route.personal() ? "private, no-cache" : "no-cache");
        NearCache.Fill fill = null;
        if (toggles.active(Tier.NEAR)) {
            long nearStart = System.nanoTime();
            if (near.get(key.get()) instanceof CachedResponse held) {
                traces.tierLookup(Tier.NEAR, key.get(), "HIT", nearStart);
                counters.hit(Tier.NEAR, route.name());
                scope.record(Tier.NEAR, Outcome.HIT);
                sendCached(held, req, res);
                return;
            }
            traces.tierLookup(Tier.NEAR, key.get(), "MISS", nearStart);
            counters.miss(Tier.NEAR, route.name());
            // Claimed before the Redis read, so a push that comes while it runs takes the claim away.
            fill = near.startFill(key.get());
        }
        EntryStore.Lease lease;
        long lookupStart = System.nanoTime();
        try {
            if (store.read(key.get()) instanceof EntryStore.Lookup.Hit hit) {
                traces.tierLookup(Tier.RESPONSE, key.get(), "HIT", lookupStart);
                counters.hit(Tier.RESPONSE, route.name());
                scope.record(Tier.RESPONSE, Outcome.HIT);
                CachedResponse cached = CachedResponse.of(hit.envelope().payload());
                if (fill != null) {
                    near.complete(key.get(), fill, cached, cached.body().length);
                }
                sendCached(cached, req, res);
                return;
            }
            abandon(key.get(), fill);
            traces.tierLookup(Tier.RESPONSE, key.get(), "MISS", lookupStart);
            counters.miss(Tier.RESPONSE, route.name());
            scope.record(Tier.RESPONSE, Outcome.MISS);
            lease = store.lease(key.get());
        } catch (CacheUnavailableException e) {
            abandon(key.get(), fill);
            traces.tierLookup(Tier.RESPONSE, key.get(), "ERROR", lookupStart);
            counters.error(Tier.RESPONSE, route.name());
            bypass(route, chain);
            return;
        }
        ResponseCopy[] copy = new ResponseCopy[1];
        res.streamFilter(out -> copy[0] = new ResponseCopy(out, MAX_CACHED_BODY));
        chain.proceed();
        byte[] body = copy[0] == null ? null : copy[0].body();
        if (res.status().code() == Status.OK_200.code() && body != null) {
            save(route, match.id(), key.get(), lease, body, request);
        } else {
            store.release(key.get(), lease);
        }
    }

    private void save(CachedRoute route, long id, String key, EntryStore.Lease lease, byte[] body, CacheScope.Frame request) {
        List<String> declared = route.tags().apply(id).stream().map(Tag::value).toList();
        Envelope envelope = new Envelope(Envelope.stamp(request.tags(), declared, lease.startSeq()), body);
        try {
            switch (store.store(key, lease, envelope, ttl.forEntry(Tier.RESPONSE, route.type(), false))) {
                case STORED -> counters.put(Tier.RESPONSE, route.name());
                case REFUSED_STALE -> counters.refusedStale(Tier.RESPONSE, route.name());
                case LEASE_LOST, NOT_LEASED -> { }
            }
        } catch (CacheUnavailableException e) {
            counters.error(Tier.RESPONSE, route.name());
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
            res.header(HeaderNames.CONTENT_TYPE, JSON).send(cached.body());
        }
    }

    /** The key, with the caller's identity for private routes; empty when the request cannot be cached. */
    private Optional<String> key(Match match, RoutingRequest req) {
        CachedRoute route = match.route();
        Optional<String> normalized = route.normalized(match.id(), req, reader);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        if (!route.personal()) {
            return Optional.of(keys.responseKey(route.name(), normalized.get(), ""));
        }
        // No valid token: the route answers 401, which is not cached.
        return authenticator.identify(req).map(Principal::label)
                .map(principal -> keys.responseKey(route.name(), normalized.get(), principal));
    }

    private void bypass(CachedRoute route, FilterChain chain) {
        counters.bypass(Tier.RESPONSE, route.name());
        scope.record(Tier.RESPONSE, Outcome.BYPASS);
        chain.proceed();
    }

    private Optional<Match> match(String path) {
        for (CachedRoute route : routes) {
            Optional<Long> id = route.match(path);
            if (id.isPresent()) {
                return Optional.of(new Match(route, id.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code api=MISS, query=HIT, model=HIT}: each tier the request consulted, in the order it meets them. The near
     * tier is named only when it answered ({@code near=HIT}): its misses are counted, not shown on every response.
     */
    static String describe(Map<Tier, Outcome> outcomes) {
        StringJoiner joiner = new StringJoiner(", ");
        for (Tier tier : Tier.values()) {
            Outcome outcome = outcomes.get(tier);
            if (outcome != null) {
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
