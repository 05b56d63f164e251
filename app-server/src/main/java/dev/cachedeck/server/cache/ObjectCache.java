package dev.cachedeck.server.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.Tier;
import dev.cachedeck.server.cache.TierRecorder.Lookup;
import dev.cachedeck.server.request.RequestScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The query-result and model-instance tiers: cache-aside around a loader, values as JSON from the
 * shared mapper. Redis trouble is a bypass, never an error: the loader answers from the database.
 */
public final class ObjectCache {
    private final Tier tier;
    private final EntryStore store;
    private final ObjectMapper mapper;
    private final LiveTtlPolicy ttl;
    private final CacheToggles toggles;
    private final TierRecorder recorder;
    private final RequestScope scope;
    private final SingleFlight flights = new SingleFlight();

    public ObjectCache(Tier tier, EntryStore store, ObjectMapper mapper, LiveTtlPolicy ttl, CacheToggles toggles,
                       TierRecorder recorder, RequestScope scope) {
        this.tier = tier;
        this.store = store;
        this.mapper = mapper;
        this.ttl = ttl;
        this.toggles = toggles;
        this.recorder = recorder;
        this.scope = scope;
    }

    public JavaType type(Class<?> type) {
        return mapper.getTypeFactory().constructType(type);
    }

    public JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** The cached value of {@code read}, or the loader's (stored for the next caller). Null values are cached too. */
    public <T> T fetch(CachedRead<T> read, Supplier<T> loader) {
        if (!toggles.active(tier)) {
            recorder.lookup(tier, read.key(), Lookup.BYPASS, System.nanoTime());
            return uncached(read, loader);
        }
        long lookupStart = System.nanoTime();
        try {
            if (store.read(read.key()) instanceof EntryStore.Lookup.Hit hit) {
                T value = decode(hit.envelope(), read);
                recorder.lookup(tier, read.key(), Lookup.HIT, lookupStart);
                scope.depend(hit.envelope().tags());
                return value;
            }
        } catch (CacheUnavailableException e) {
            recorder.lookup(tier, read.key(), Lookup.ERROR, lookupStart);
            return uncached(read, loader);
        } catch (EntryStore.CorruptValueException e) {
            recorder.failed(tier);
            store.discard(read.key());
        }
        recorder.lookup(tier, read.key(), Lookup.MISS, lookupStart);
        SingleFlight.Loaded loaded = flights.run(read.key(), this::sequenceOrNever,
                startSequence -> lead(read, loader, startSequence),
                () -> load(read, loader, Long.MAX_VALUE));
        scope.depend(loaded.tags());
        @SuppressWarnings("unchecked")
        T value = (T) loaded.value();
        return value;
    }

    private <T> SingleFlight.Loaded lead(CachedRead<T> read, Supplier<T> loader,
                                         CompletableFuture<Long> startSequence) {
        EntryStore.Lease lease;
        try {
            lease = store.lease(read.key());
        } catch (CacheUnavailableException e) {
            startSequence.complete(-1L);
            recorder.failed(tier);
            return load(read, loader, Long.MAX_VALUE);
        }
        startSequence.complete(lease.startSeq());
        SingleFlight.Loaded loaded;
        try {
            loaded = load(read, loader, lease.startSeq());
        } catch (RuntimeException e) {
            store.release(read.key(), lease);
            throw e;
        }
        save(read, lease, loaded);
        return loaded;
    }

    private void save(CachedRead<?> read, EntryStore.Lease lease, SingleFlight.Loaded loaded) {
        try {
            byte[] payload = mapper.writeValueAsBytes(loaded.value());
            Envelope envelope = new Envelope(loaded.tags(), payload);
            switch (store.store(read.key(), lease, envelope, ttl.forEntry(tier, read.type(), isEmpty(loaded.value())))) {
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
        List<String> declared = read.tags().apply(value).stream().map(Tag::value).toList();
        return new SingleFlight.Loaded(value, Envelope.stamp(frame.tags(), declared, startSeq));
    }

    private <T> T decode(Envelope envelope, CachedRead<T> read) {
        try {
            return mapper.readValue(envelope.payload(), read.valueType());
        } catch (IOException e) {
            throw new EntryStore.CorruptValueException(read.key(), e);
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
