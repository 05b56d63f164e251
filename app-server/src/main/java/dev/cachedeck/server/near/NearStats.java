package dev.cachedeck.server.near;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The near tier's own figures at one moment, beside the hit and miss counts every tier has.
 *
 * @param pushedKeys keys named in Redis invalidation pushes received
 * @param invalidated entries removed by a push or by this instance's own write
 * @param clears whole-tier clears, per cause
 * @param evicted entries dropped to stay within the configured entries and bytes
 * @param expired entries dropped by the local TTL backstop
 * @param size entries held (fills in progress included)
 * @param bytes bytes charged against the limit (each entry at least {@code max-bytes / max-entries})
 * @param filling whether new entries are taken (false while any tracking connection is down)
 */
public record NearStats(long pushedKeys, long invalidated, Map<ClearCause, Long> clears, long evicted, long expired,
                        long size, long bytes, boolean filling) {

    public NearStats {
        clears = Collections.unmodifiableMap(new EnumMap<>(clears));
    }
}
