package dev.cachedeck.model.monitor;

import java.util.Map;

/**
 * The near tier of the instance that answered (each instance has its own), beside the hit and miss
 * counts it has like every tier.
 *
 * @param filling     whether it takes new entries: false while a Redis tracking connection is down
 * @param pushedKeys  keys named in Redis invalidation pushes received
 * @param invalidated entries removed by a push or by this instance's own writes
 * @param clears      whole-tier clears per cause ({@code tracking-lost}, {@code breaker-open}, {@code purge}, ...)
 * @param evicted     entries dropped to stay within {@code maxEntries} and {@code maxBytes}
 * @param expired     entries dropped by the local TTL backstop
 * @param size        entries held now
 * @param bytes       bytes charged against {@code maxBytes} (each entry at least {@code maxBytes / maxEntries})
 * @param maxEntries  the configured limits ({@code cachedeck.cache.near}): entries, bytes, and the local TTL
 *                    after which an entry leaves even without a push
 */
public record NearFigures(boolean filling, long pushedKeys, long invalidated, Map<String, Long> clears,
                          long evicted, long expired, long size, long bytes, long maxEntries, long maxBytes,
                          long localTtlMillis) {

    public NearFigures {
        clears = Map.copyOf(clears);
    }
}
