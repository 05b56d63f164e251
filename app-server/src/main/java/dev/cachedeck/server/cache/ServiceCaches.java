package dev.cachedeck.server.cache;

/** What the marketplace services need from the cache: the two object tiers, the key builder, invalidation. */
public record ServiceCaches(ObjectCache query, ObjectCache model, CacheKeys keys, Invalidator invalidator,
                            CacheScope scope) {
    /** Invalidates everything {@code event} makes stale, in every tier, before the write answers. */
    public void written(WriteEvent event) {
        invalidator.invalidate(event, scope.route());
    }
}
