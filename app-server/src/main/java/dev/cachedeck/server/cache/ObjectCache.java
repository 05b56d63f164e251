package dev.cachedeck.server.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.Tier;
import dev.cachedeck.server.cache.TierRecorder.Lookup;
import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.request.RequestScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The query-result and model-instance tiers: cache-aside around a loader, values as JSON from the
 * shared mapper. Redis trouble is a bypass, never an error: the loader answers from the database.
 */
final class ObjectCache implements CacheTier {
    private final Tier tier;
    private final CacheKeys keys;
    private final EntryStore store;
    private final ObjectMapper mapper;
    private final LiveTtlPolicy ttl;
    private final CacheToggles toggles;
    private final TierRecorder recorder;
    private final RequestScope scope;
    private final SingleFlight flights = new SingleFlight();

    ObjectCache(Tier tier, CacheKeys keys, EntryStore store, ObjectMapper mapper, LiveTtlPolicy ttl, CacheToggles toggles,
                       TierRecorder recorder, RequestScope scope) {
        this.tier = tier;
        this.keys = keys;
        this.store = store;
        this.mapper = mapper;
        this.ttl = ttl;
        this.toggles = toggles;
        this.recorder = recorder;
        this.scope = scope;
    }

    @Override
    public <T> T fetch(CachedRead<T> read, Supplier<T> loader) {
        String key = keys.entry(tier, read.key());
        if (!toggles.active(tier)) {
            recorder.lookup(tier, key, Lookup.BYPASS, System.nanoTime());
            return uncached(read, loader);
        }
        long lookupStart = System.nanoTime();
        try {
            if (store.read(key) instanceof EntryStore.Lookup.Hit hit) {
                T value = decode(hit.envelope(), key, read);
                recorder.lookup(tier, key, Lookup.HIT, lookupStart);
                scope.depend(hit.envelope().tags());
                return value;
            }
        } catch (CacheUnavailableException e) {
            recorder.lookup(tier, key, Lookup.ERROR, lookupStart);
            return uncached(read, loader);
        } catch (EntryStore.CorruptValueException e) {
            recorder.failed(tier);
            store.discard(key);
        }
        recorder.lookup(tier, key, Lookup.MISS, lookupStart);
        SingleFlight.Loaded loaded = flights.run(key, this::sequenceOrNever,
                startSequence -> lead(key, read, loader, startSequence),
                () -> load(read, loader, Long.MAX_VALUE));
        scope.depend(loaded.tags());
        @SuppressWarnings("unchecked")
        T value = (T) loaded.value();
        return value;
    }

    private <T> SingleFlight.Loaded lead(String key, CachedRead<T> read, Supplier<T> loader,
                                         CompletableFuture<Long> startSequence) {
        EntryStore.Lease lease;
        try {
            lease = store.lease(key);
        } catch (CacheUnavailableException e) {
            startSequence.complete(-1L);
            recorder.failed(tier);
            return load(read, loader, Long.MAX_VALUE);
        }
        startSequence.complete(lease.startSeq());
        if (!lease.held()) {
            Optional<SingleFlight.Loaded> theirs = store.awaitHolder(key).flatMap(envelope -> decoded(envelope, key, read));
            if (theirs.isPresent()) {
                return theirs.get();
            }
        }
        SingleFlight.Loaded loaded;
        try {
            loaded = load(read, loader, lease.startSeq());
        } catch (RuntimeException e) {
            store.release(key, lease);
            throw e;
        }
        save(key, read, lease, loaded);
        return loaded;
    }

    private void save(String key, CachedRead<?> read, EntryStore.Lease lease, SingleFlight.Loaded loaded) {
        try {
            byte[] payload = mapper.writeValueAsBytes(loaded.value());
            Envelope envelope = new Envelope(loaded.tags(), payload);
            switch (store.store(key, lease, envelope, ttl.forEntry(tier, read.type(), isEmpty(loaded.value())))) {
                case STORED -> recorder.stored(tier);
                case REFUSED_STALE -> recorder.refusedStale(tier);
                case LEASE_LOST, NOT_LEASED -> { }
            }
        } catch (CacheUnavailableException e) {
            recorder.failed(tier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T uncached(CachedRead<T> read, Supplier<T> loader) {
        SingleFlight.Loaded loaded = load(read, loader, Long.MAX_VALUE);
        scope.depend(loaded.tags());
        @SuppressWarnings("unchecked")
        T value = (T) loaded.value();
        return value;
    }

    /** Runs the loader in its own frame so entries it reads from other tiers add to this value's dependencies. */
    private <T> SingleFlight.Loaded load(CachedRead<T> read, Supplier<T> loader, long startSeq) {
        RequestScope.Frame frame = scope.push();
        T value;
        try {
            value = loader.get();
        } finally {
            scope.pop(frame);
        }
        return new SingleFlight.Loaded(value, Envelope.stamp(frame.tags(), read.tags().apply(value), startSeq));
    }

    /** Another loader's value as this tier's result; empty (so the caller loads) if it cannot be decoded. */
    private <T> Optional<SingleFlight.Loaded> decoded(Envelope envelope, String key, CachedRead<T> read) {
        try {
            return Optional.of(new SingleFlight.Loaded(decode(envelope, key, read), envelope.tags()));
        } catch (EntryStore.CorruptValueException e) {
            return Optional.empty();
        }
    }

    private <T> T decode(Envelope envelope, String key, CachedRead<T> read) {
        try {
            return mapper.readValue(envelope.payload(), read.valueType());
        } catch (IOException e) {
            throw new EntryStore.CorruptValueException(key, e);
        }
    }

    private long sequenceOrNever() {
        try {
            return store.sequence();
        } catch (CacheUnavailableException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof Collection<?> collection && collection.isEmpty();
    }
}
