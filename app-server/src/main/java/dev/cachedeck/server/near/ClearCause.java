package dev.cachedeck.server.near;

/** Why the whole near tier was emptied: each cause is counted on its own. */
public enum ClearCause {
    /** Redis sent an invalidation without keys: FLUSHALL or FLUSHDB. */
    REDIS_FLUSH,
    /** A tracking connection dropped: pushes may be missed from now on. */
    TRACKING_LOST,
    /** Tracking is on again: whatever was filled while it was off is dropped before filling resumes. */
    TRACKING_RESTORED,
    /** The nodes to track changed (cluster topology, failover). */
    TOPOLOGY,
    /** The Redis circuit breaker opened: writes may not reach Redis, so no push may come. */
    BREAKER_OPEN,
    /** A tier or the whole cache was switched off or on. */
    TIER_TOGGLE,
    /** An operator purged or flushed keys. */
    PURGE;

    /** The name in stats and metrics: {@code tracking-lost}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
