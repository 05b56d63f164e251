package dev.cachedeck.server.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.Tier;
import dev.cachedeck.server.cache.CacheScope.Outcome;
import dev.cachedeck.server.trace.TraceScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
    private final CacheCounters counters;
    private final CacheScope scope;
    private final TraceScope traces;
    private final SingleFlight flights = new SingleFlight();

    public ObjectCache(Tier tier, EntryStore store, ObjectMapper mapper, LiveTtlPolicy ttl, CacheToggles toggles,
                       CacheCounters counters, CacheScope scope, TraceScope traces) {
        this.tier = tier;
        this.store = store;
        this.mapper = mapper;
        this.ttl = ttl;
        this.toggles = toggles;
        this.counters = counters;
        this.scope = scope;
        this.traces = traces;
    }

    public JavaType type(Class<?> type) {
        return mapper.getTypeFactory().constructType(type);
    }

    public JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** The cached value of {@code read}, or the loader's (stored for the next caller). Null values are cached too. */
    public <T> T fetch(CachedRead<T> read, Supplier<T> loader) {
        String route = scope.route();
        if (!toggles.active(tier)) {
            counters.bypass(tier, route);
            scope.record(tier, Outcome.BYPASS);
            traces.tierLookup(tier, read.key(), "BYPASS", System.nanoTime());
            return uncached(read, loader);
        }
        long lookupStart = System.nanoTime();
        try {
            if (store.read(read.key()) instanceof EntryStore.Lookup.Hit hit) {
                T value = decode(hit.envelope(), read);
                traces.tierLookup(tier, read.key(), "HIT", lookupStart);
                counters.hit(tier, route);
                scope.record(tier, Outcome.HIT);
                scope.depend(hit.envelope().tags());
                return value;
            }
        } catch (CacheUnavailableException e) {
            traces.tierLookup(tier, read.key(), "ERROR", lookupStart);
            counters.error(tier, route);
            scope.record(tier, Outcome.BYPASS);
            return uncached(read, loader);
        } catch (EntryStore.CorruptValueException e) {
            counters.error(tier, route);
            store.discard(read.key());
        }
        traces.tierLookup(tier, read.key(), "MISS", lookupStart);
        counters.miss(tier, route);
        scope.record(tier, Outcome.MISS);
        SingleFlight.Loaded loaded = flights.run(read.key(), this::sequenceOrNever,
                startSequence -> lead(read, loader, route, startSequence),
                () -> load(read, loader, Long.MAX_VALUE));
        scope.depend(loaded.tags());
        @SuppressWarnings("unchecked")
        T value = (T) loaded.value();
        return value;
    }

    private <T> SingleFlight.Loaded lead(CachedRead<T> read, Supplier<T> loader, String route,
                                     CompletableFuture<Long> startSequence) {
        EntryStore.Lease lease;
        try {
            lease = store.lease(read.key());
        } catch (CacheUnavailableException e) {
            startSequence.complete(-1L);
            counters.error(tier, route);
            return load(read, loader, Long.MAX_VALUE);
        }
        startSequence.complete(lease.startSeq());
        if (!lease.held()) {
            Optional<SingleFlight.Loaded> theirs = store.awaitHolder(read.key()).flatMap(envelope -> decoded(envelope, read));
            if (theirs.isPresent()) {
                return theirs.get();
            }
        }
        SingleFlight.Loaded loaded;
        try {
            loaded = load(read, loader, lease.startSeq());
        } catch (RuntimeException e) {
            store.release(read.key(), lease);
            throw e;
        }
        save(read, lease, loaded, route);
        return loaded;
    }

    private void save(CachedRead<?> read, EntryStore.Lease lease, SingleFlight.Loaded loaded, String route) {
        try {
            byte[] payload = mapper.writeValueAsBytes(loaded.value());
            Envelope envelope = new Envelope(loaded.tags(), payload);
            switch (store.store(read.key(), lease, envelope, ttl.forEntry(tier, read.type(), isEmpty(loaded.value())))) {
                case STORED -> counters.put(tier, route);
                case REFUSED_STALE -> counters.refusedStale(tier, route);
                case LEASE_LOST, NOT_LEASED -> { }
            }
        } catch (CacheUnavailableException e) {
            counters.error(tier, route);
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
        CacheScope.Frame frame = scope.push();
        T value;
        try {
            value = loader.get();
        } finally {
            scope.pop(frame);
        }
        List<String> declared = read.tags().apply(value).stream().map(Tag::value).toList();
        return new SingleFlight.Loaded(value, Envelope.stamp(frame.tags(), declared, startSeq));
    }

    /** Another loader's value as this tier's result; empty (so the caller loads) if it cannot be decoded. */
    private <T> Optional<SingleFlight.Loaded> decoded(Envelope envelope, CachedRead<T> read) {
        try {
            return Optional.of(new SingleFlight.Loaded(decode(envelope, read), envelope.tags()));
        } catch (EntryStore.CorruptValueException e) {
            return Optional.empty();
        }
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
