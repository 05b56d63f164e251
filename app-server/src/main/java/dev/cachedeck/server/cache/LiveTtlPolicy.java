package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The TTL policy in force, replaceable at runtime (admin API); entries stored afterwards use the new
 * values, entries already stored keep theirs.
 */
public final class LiveTtlPolicy {
    private final AtomicReference<TtlPolicy> current;
    private final AtomicReference<Duration> longestEver;

    public LiveTtlPolicy(TtlPolicy initial) {
        this.current = new AtomicReference<>(initial);
        this.longestEver = new AtomicReference<>(initial.longest());
    }

    public TtlPolicy current() {
        return current.get();
    }

    public Duration forEntry(Tier tier, DataType type, boolean empty) {
        return current.get().forEntry(tier, type, empty);
    }

    /** Sets the base TTL of one cell; the other cells keep theirs. */
    public TtlPolicy change(Tier tier, DataType type, Duration ttl) {
        TtlPolicy next = current.updateAndGet(policy -> policy.withBase(tier, type, ttl));
        longestEver.accumulateAndGet(ttl, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        return next;
    }

    /**
     * The longest TTL any entry may still carry, even one stored before the policy was shortened: tag
     * sets must live at least this long, or an invalidation would miss entries whose set had expired.
     */
    public Duration longestEver() {
        return longestEver.get();
    }
}
