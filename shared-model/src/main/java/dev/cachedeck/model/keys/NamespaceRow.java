package dev.cachedeck.model.keys;

import dev.cachedeck.model.Tier;

/**
 * Keys of one tier and entity type. {@code tier} is null for bookkeeping keys, {@code entityType}
 * is null for keys that belong to no entity.
 *
 * @param bytes MEMORY USAGE summed, or extrapolated from a sample when the summary is not exact
 */
public record NamespaceRow(Tier tier, String entityType, long count, long bytes) {
}
