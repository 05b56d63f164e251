package dev.cachedeck.server.cache;

import dev.cachedeck.server.request.RequestScope;

/** What the marketplace services need from the cache: the two object tiers, the key builder, invalidation. */
public record ServiceCaches(ObjectCache query, ObjectCache model, CacheKeys keys, Invalidator invalidator,
                            RequestScope scope) {
    /** Invalidates everything {@code event} makes stale, in every tier, before the write answers. */
    public void written(WriteEvent event) {
        invalidator.invalidate(event, scope.counterRoute());
    }
}
