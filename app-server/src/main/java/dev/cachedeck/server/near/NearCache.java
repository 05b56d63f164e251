package dev.cachedeck.server.near;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.cachedeck.model.monitor.NearFigures;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Decoded, immutable entries of the Redis tiers kept in this process, so a hit costs no round trip.
 * Redis stays the truth: an entry is taken only from a Redis hit, and leaves when Redis's tracking
 * push names its key, when this instance's own write sweeps it, or at the local TTL backstop.
 *
 * <p>The fill protocol closes the race between a reader and an invalidation. Before its Redis read a
 * reader puts a {@link Fill} of its own under the key; an invalidation removes whatever is under the key;
 * the reader stores its value only by replacing that same fill. A read that returned before an
 * invalidation therefore finds its fill gone. One shared "pending" marker would not do: reader A marks,
 * reads the old value, the push removes the marker, reader B marks again, and A's replace of "pending"
 * succeeds with the old value, which then stays until the TTL (the ABA case
 * {@code NearCacheTest.oneFillPerReaderLeavesNothingStaleWhereASharedMarkerWould} reproduces).
 *
 * <p>Filling is off until tracking is on, and off again the moment any tracking connection drops or the
 * Redis breaker opens ({@link #suspend}); each suspension starts a new epoch, and a fill from an older epoch
 * never stays.
 *
 * <p>Bounded by entry count and by bytes at once: each entry weighs at least {@code max-bytes / max-entries},
 * so a total weight within {@code max-bytes} also keeps the count within {@code max-entries}.
 */
public final class NearCache {
    private static final Logger LOG = Logger.getLogger(NearCache.class.getName());
    /** Map node, key string and object headers, roughly: what an entry costs beyond its value. */
    private static final int ENTRY_OVERHEAD_BYTES = 96;

    /** One reader's claim on a key while it reads Redis; only its identity matters. */
    public static final class Fill {
        private final long epoch;

        private Fill(long epoch) {
            this.epoch = epoch;
        }
    }

    private record Held(Object value, int weight) {
    }

    /** Why the tier is not filling. It starts held for tracking: nothing is taken before the first push can arrive. */
    public enum Hold {
        /** A node's tracking connection is not (yet) tracking. */
        TRACKING,
        /** The Redis circuit breaker is open: writes may not reach Redis, so their pushes would not come. */
        BREAKER
    }

    private final NearSettings settings;
    private final Cache<String, Object> entries;
    private final ConcurrentMap<String, Object> map;
    private final int minimumWeight;
    private final LongAdder pushedKeys = new LongAdder();
    private final LongAdder invalidated = new LongAdder();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final Map<ClearCause, LongAdder> clears = new EnumMap<>(ClearCause.class);
    private final AtomicLong epoch = new AtomicLong();
    private final Set<Hold> holds = EnumSet.of(Hold.TRACKING);
    private final Map<Hold, Long> holdEpochs = new EnumMap<>(Hold.class);
    private volatile boolean filling;

    public NearCache(NearSettings settings) {
        this.settings = settings;
        this.minimumWeight = (int) Math.min(Integer.MAX_VALUE, settings.maxBytes() / settings.maxEntries());
        for (ClearCause cause : ClearCause.values()) {
            clears.put(cause, new LongAdder());
        }
        this.entries = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes())
                .weigher((String key, Object value) -> weight(key, value))
                .expireAfterWrite(settings.localTtl())
                .evictionListener((String key, Object value, RemovalCause cause) -> countRemoval(value, cause))
                // Maintenance on the calling threads: eviction keeps up with the writers instead of trailing them.
                .executor(Runnable::run)
                .build();
        this.map = entries.asMap();
    }

    /** The value held for {@code key}, or null (absent, or a fill in progress). */
    public Object get(String key) {
        return map.get(key) instanceof Held held ? held.value() : null;
    }

    public boolean holds(String key) {
        return map.get(key) instanceof Held;
    }

    /** Claims {@code key} before the Redis read; null while filling is suspended (then store nothing). */
    public Fill startFill(String key) {
        if (!filling) {
            return null;
        }
        Fill fill = new Fill(epoch.get());
        map.put(key, fill);
        return fill;
    }

    /**
     * Stores what the Redis read of {@code fill} returned, unless an invalidation or a suspension came
     * in between. {@code bytes} is the value's approximate size. True when it stays.
     */
    public boolean complete(String key, Fill fill, Object value, int bytes) {
        Held held = new Held(value, bytes);
        if (!map.replace(key, fill, held)) {
            return false;
        }
        // A suspension bumps the epoch before it clears: a replace after that clear is seen here and undone.
        if (!filling || fill.epoch != epoch.get()) {
            map.remove(key, held);
            return false;
        }
        return true;
    }

    /** Gives up a fill that will not complete (a Redis miss or error), leaving anything else in place. */
    public void abandon(String key, Fill fill) {
        map.remove(key, fill);
    }

    /** Redis said these keys changed. */
    public void pushed(Collection<String> keys) {
        remove(keys);
        pushedKeys.add(keys.size());
    }

    /** This instance's own write removed these keys from Redis: drop them before the write answers. */
    public void remove(Collection<String> keys) {
        for (String key : keys) {
            if (map.remove(key) instanceof Held) {
                invalidated.increment();
            }
        }
    }

    public void clear(ClearCause cause) {
        entries.invalidateAll();
        clears.get(cause).increment();
        LOG.fine(() -> "near tier cleared cause=" + cause.wireName());
    }

    /**
     * Stops filling and empties the tier for {@code hold}: from now on an invalidation might not reach it.
     * Filling resumes only when every hold is released.
     */
    public synchronized void suspend(Hold hold, ClearCause cause) {
        filling = false;
        holds.add(hold);
        holdEpochs.merge(hold, 1L, Long::sum);
        epoch.incrementAndGet();
        clear(cause);
    }

    /**
     * Releases {@code hold}, unless it was taken again after {@code epochBefore} (= {@link #epoch(Hold)} read
     * before the caller checked its reason away): that loss is newer than what the caller saw. Releasing the
     * tracking hold empties the tier once more, so nothing filled around the untracked period survives it.
     */
    public synchronized void resume(Hold hold, long epochBefore) {
        if (!holds.contains(hold) || holdEpochs.getOrDefault(hold, 0L) != epochBefore) {
            return;
        }
        holds.remove(hold);
        if (hold == Hold.TRACKING) {
            clear(ClearCause.TRACKING_RESTORED);
        }
        filling = holds.isEmpty();
    }

    /** Rises each time {@code hold} is taken. */
    public synchronized long epoch(Hold hold) {
        return holdEpochs.getOrDefault(hold, 0L);
    }

    public NearSettings settings() {
        return settings;
    }

    public boolean filling() {
        return filling;
    }

    public NearStats stats() {
        entries.cleanUp();
        Map<ClearCause, Long> counted = new EnumMap<>(ClearCause.class);
        clears.forEach((cause, adder) -> counted.put(cause, adder.sum()));
        long bytes = entries.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
        return new NearStats(pushedKeys.sum(), invalidated.sum(), counted, evicted.sum(), expired.sum(),
                entries.estimatedSize(), bytes, filling);
    }

    /** {@link #stats()} with the configured limits, as the admin API and the stats stream report them. */
    public NearFigures figures() {
        NearStats stats = stats();
        Map<String, Long> clearsByName = new LinkedHashMap<>();
        stats.clears().forEach((cause, count) -> clearsByName.put(cause.wireName(), count));
        return new NearFigures(stats.filling(), stats.pushedKeys(), stats.invalidated(), clearsByName,
                stats.evicted(), stats.expired(), stats.size(), stats.bytes(), settings.maxEntries(),
                settings.maxBytes(), settings.localTtl().toMillis());
    }

    private int weight(String key, Object value) {
        int own = value instanceof Held held ? held.weight() + 2 * key.length() + ENTRY_OVERHEAD_BYTES : 0;
        return Math.max(own, minimumWeight);
    }

    private void countRemoval(Object value, RemovalCause cause) {
        if (!(value instanceof Held)) {
            return;
        }
        if (cause == RemovalCause.SIZE) {
            evicted.increment();
        } else if (cause == RemovalCause.EXPIRED) {
            expired.increment();
        }
    }
}
