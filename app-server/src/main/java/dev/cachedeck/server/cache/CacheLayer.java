package dev.cachedeck.server.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.Tier;
import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.http.RequestReader;
import dev.cachedeck.server.trace.TraceScope;
import dev.cachedeck.server.near.ClearCause;
import dev.cachedeck.server.near.NearCache;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.time.Clock;
import java.util.function.Consumer;

/** The cache, built from its settings: shared parts once, then the three tiers over them. */
public final class CacheLayer implements AutoCloseable {
    private final CacheSettings settings;
    private final CacheKeys keys;
    private final RedisGuard guard;
    private final EntryStore store;
    private final CacheToggles toggles;
    private final CacheCounters counters = new CacheCounters();
    private final CacheScope scope = new CacheScope();
    private final LiveTtlPolicy ttl;
    private final EnvelopeCodec codec;
    private final InvalidationLog invalidationLog;
    private final TraceScope traces;
    private final ServiceCaches serviceCaches;
    private final NearCache near;

    /** {@code circuitChanges} hears when the Redis breaker opens or closes (see {@link RedisGuard}). */
    public CacheLayer(CacheSettings settings, StatefulRedisConnection<String, byte[]> connection, ObjectMapper mapper,
                      TraceScope traces, Consumer<String> circuitChanges) {
        this.settings = settings;
        this.traces = traces;
        this.keys = new CacheKeys(settings.prefix());
        this.near = new NearCache(settings.near());
        this.guard = new RedisGuard(connection, keys, settings.breakerFailureThreshold(), settings.breakerProbeInterval(),
                circuitChanges, near);
        this.ttl = new LiveTtlPolicy(settings.ttl());
        this.codec = new EnvelopeCodec(settings.compressAboveBytes());
        // Tag sets must outlive every entry registered in them; versions only need to outlive a lease.
        this.store = new EntryStore(guard, keys, codec, settings.leaseTime(),
                () -> ttl.longestEver().plus(settings.leaseTime()));
        this.toggles = new CacheToggles(settings.tiers(), () -> near.clear(ClearCause.TIER_TOGGLE));
        toggles.setCacheEnabled(settings.enabled());
        this.invalidationLog = new InvalidationLog(settings.invalidationLogSize(), Clock.systemUTC());
        Invalidator invalidator = new Invalidator(guard, keys, counters, settings.leaseTime().multipliedBy(3),
                invalidationLog, near);
        this.serviceCaches = new ServiceCaches(
                new ObjectCache(Tier.QUERY, store, mapper, ttl, toggles, counters, scope, traces),
                new ObjectCache(Tier.MODEL, store, mapper, ttl, toggles, counters, scope, traces),
                keys, invalidator, scope);
    }

    public ResponseCacheFilter responseFilter(RequestReader reader, Authenticator authenticator) {
        return new ResponseCacheFilter(CachedRoute.all(), store, keys, ttl, toggles, counters, scope, traces,
                reader, authenticator, near);
    }

    /** This instance's near tier (it starts not filling: the server's tracking connections switch it on). */
    public NearCache near() {
        return near;
    }

    /** The key prefixes the near tier holds copies of, which its tracking connections subscribe to. */
    public List<String> nearPrefixes() {
        return List.of(keys.entryPrefix(Tier.RESPONSE));
    }

    public ServiceCaches serviceCaches() {
        return serviceCaches;
    }

    public CacheToggles toggles() {
        return toggles;
    }

    public CacheCounters counters() {
        return counters;
    }

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

    public InvalidationLog invalidationLog() {
        return invalidationLog;
    }

    @Override
    public void close() {
        guard.close();
    }
}
