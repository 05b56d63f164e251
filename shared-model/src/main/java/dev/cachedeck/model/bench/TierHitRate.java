package dev.cachedeck.model.bench;

import dev.cachedeck.model.Tier;

/**
 * What one tier answered across a set of requests, read from their {@code X-Cache} headers.
 *
 * @param hitRate hits / (hits + misses); 0 when the tier was never consulted (all BYPASS)
 */
public record TierHitRate(Tier tier, long hits, long misses, long bypasses, double hitRate) {
}
