package dev.cachedeck.server.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.Tier;
import dev.cachedeck.server.near.ClearCause;
import dev.cachedeck.server.near.NearCache;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.request.RequestScope;
import io.helidon.webserver.http.Filter;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The cache engine's public face, built from its settings: the shared parts once (namespace, breaker, entry
 * store, TTL policy, counters), then the three tiers over them. Everything clever sits behind it,
 * package-private: the stale-set protocol ({@code EntryStore}), single-flight loads, the tiers themselves.
 */
public final class CacheEngine implements AutoCloseable {
    private final CacheKeys keys;
    private final RedisGuard guard;
    private final EntryStore store;
    private final CacheToggles toggles;
    private final CacheCounters counters = new CacheCounters();
    private final RequestScope scope;
    private final TierRecorder recorder;
    private final LiveTtlPolicy ttl;
    private final EnvelopeCodec codec;
    private final InvalidationLog invalidationLog;
    private final Invalidator invalidator;
    private final Map<Tier, CacheTier> valueTiers = new EnumMap<>(Tier.class);
    private final NearCache near;

    /**
     * {@code circuitChanges} hears when the Redis breaker opens or closes (see {@link RedisGuard});
     * {@code instance} is this server instance's id, which the invalidation log names.
     */
    public CacheEngine(CacheSettings settings, RedisAccess connection, ObjectMapper mapper,
                       RequestScope scope, Consumer<String> circuitChanges, Supplier<String> instance) {
        this.scope = scope;
        this.recorder = new CountingTierRecorder(counters, scope);
        this.keys = new CacheKeys(settings.prefix());
        this.near = new NearCache(settings.near());
        this.guard = new RedisGuard(connection, keys, settings.breakerFailureThreshold(),
                settings.breakerProbeInterval(), circuitChanges, near);
        this.ttl = new LiveTtlPolicy(settings.ttl());
        this.codec = new EnvelopeCodec(settings.compressAboveBytes());
        // Tag sets must outlive every entry registered in them; versions only need to outlive a lease.
        this.store = new EntryStore(guard, keys, codec, settings.leaseTime(), settings.leaseWait(),
                () -> ttl.longestEver().plus(settings.leaseTime()));
        this.toggles = new CacheToggles(settings.tiers(), () -> near.clear(ClearCause.TIER_TOGGLE));
        toggles.setCacheEnabled(settings.enabled());
        this.invalidationLog = new InvalidationLog(settings.invalidationLogSize(), Clock.systemUTC(), instance);
        this.invalidator = new Invalidator(guard, keys, counters, settings.leaseTime().multipliedBy(3),
                invalidationLog, near);
        for (Tier tier : new Tier[] {Tier.QUERY, Tier.MODEL}) {
            valueTiers.put(tier, new ObjectCache(tier, keys, store, mapper, ttl, toggles, recorder, scope));
        }
    }

    /** The cached value of {@code read}, from the tier it names, or the loader's (stored for the next caller). */
    public <T> T fetch(CachedRead<T> read, Supplier<T> loader) {
        CacheTier tier = valueTiers.get(read.tier());
        if (tier == null) {
            throw new IllegalArgumentException("the " + read.tier() + " tier keeps responses, not values");
        }
        return tier.fetch(read, loader);
    }

    /** The response tier: a filter around the cached routes, placed after the request scope's filter. */
    public Filter responseTier(ResponseRoutes routes) {
        return new ResponseCacheFilter(routes, store, keys, ttl, toggles, recorder, scope, near);
    }

    /** This instance's near tier (it starts not filling: the tracking connections switch it on). */
    public NearCache near() {
        return near;
    }

    /** The key prefixes the near tier holds copies of, which its tracking connections subscribe to. */
    public List<String> nearPrefixes() {
        return List.of(keys.entryPrefix(Tier.RESPONSE));
    }

    public Invalidator invalidator() {
        return invalidator;
    }

    public InvalidationLog invalidationLog() {
        return invalidationLog;
    }

    public CacheToggles toggles() {
        return toggles;
    }

    public CacheCounters counters() {
        return counters;
    }

    /** The Redis breaker every cache command goes through (the key tools and Redis INFO use it too). */
    public RedisGuard guard() {
        return guard;
    }

    public CacheKeys keys() {
        return keys;
    }

    /** Decodes stored entries for the key browser. */
    public EnvelopeCodec codec() {
        return codec;
    }

    public LiveTtlPolicy ttl() {
        return ttl;
    }

    @Override
    public void close() {
        guard.close();
    }
}
