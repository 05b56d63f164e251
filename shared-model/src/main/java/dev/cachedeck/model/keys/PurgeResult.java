package dev.cachedeck.model.keys;

/**
 * What a purge removed.
 *
 * @param removed    keys UNLINK reported removed (keys that expired meanwhile are not counted)
 * @param bytes      MEMORY USAGE of those keys measured just before removal
 * @param batches    UNLINK batches sent
 * @param tookMillis wall time, rate limiting included
 */
public record PurgeResult(long removed, long bytes, long batches, long tookMillis) {
}
