package dev.cachedeck.server.cache;

import java.util.function.Supplier;

/** A tier that keeps values: cache-aside around a loader. */
public interface CacheTier {
    /**
     * The cached value of {@code read}, or the loader's (stored for the next caller). Null values are cached
     * too. Redis trouble is never an error: the loader answers.
     */
    <T> T fetch(CachedRead<T> read, Supplier<T> loader);
}
