package dev.cachedeck.server.catalog;

import dev.cachedeck.server.cache.CacheEngine;
import dev.cachedeck.server.cache.CachedRead;
import dev.cachedeck.server.cache.Invalidator;
import dev.cachedeck.server.request.RequestScope;
import java.util.function.Supplier;

/**
 * What the marketplace services need from the cache: a read from {@link CachedReads}, fetched through the
 * engine, and invalidation of what a write makes stale (by {@link InvalidationRules}).
 */
public final class CacheCatalog {
    private final CacheEngine engine;
    private final RequestScope scope;

    public CacheCatalog(CacheEngine engine, RequestScope scope) {
        this.engine = engine;
        this.scope = scope;
    }

    /** The cached value of {@code read}, from the tier that keeps it, or the loader's. */
    public <T> T fetch(CachedRead<T> read, Supplier<T> loader) {
        return engine.fetch(read, loader);
    }

    /** Invalidates everything {@code event} makes stale, in every tier, before the write answers. */
    public void written(WriteEvent event) {
        invalidate(event, scope.counterRoute());
    }

    /** Invalidates what {@code event} makes stale, counted and logged under {@code route}. */
    public Invalidator.Result invalidate(WriteEvent event, String route) {
        return engine.invalidator().invalidate(Tag.values(InvalidationRules.tagsOf(event)), route, event.cause());
    }

}
