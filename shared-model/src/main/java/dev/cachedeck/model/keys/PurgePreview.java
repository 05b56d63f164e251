package dev.cachedeck.model.keys;

import java.util.List;

/**
 * A purge's dry run: what {@code POST /admin/purge} with the same request would remove now.
 *
 * @param routesAffected cached routes whose data is among the keys, sorted
 * @param sampleKeys     up to a configured number of the keys, sorted
 */
public record PurgePreview(long count, long bytes, List<String> routesAffected, List<String> sampleKeys) {
    public PurgePreview {
        routesAffected = List.copyOf(routesAffected);
        sampleKeys = List.copyOf(sampleKeys);
    }
}
