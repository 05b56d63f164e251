package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;

/**
 * What a tier reports, once per outcome (the recording side, like Caffeine's {@code StatsCounter}): the
 * implementation decides where it goes (counters, the request's {@code X-Cache} and its spans), so a tier
 * never reports the same outcome to several places.
 */
public interface TierRecorder {
    /** How a lookup ended. {@code ERROR}: Redis failed and the request went on without the tier. */
    enum Lookup { HIT, MISS, BYPASS, ERROR }

    /** A lookup of {@code key} that began at {@code startNanos} just ended with {@code result}. */
    void lookup(Tier tier, String key, Lookup result, long startNanos);

    /** The tier was skipped without a lookup (switched off, or the request cannot be cached). */
    void bypassed(Tier tier);

    /** A loaded value was stored. */
    void stored(Tier tier);

    /** A loaded value was refused because a write made it stale while it loaded (see {@link EntryStore}). */
    void refusedStale(Tier tier);

    /** A Redis call around a lookup failed (lease, store), or a stored value could not be read. */
    void failed(Tier tier);
}
