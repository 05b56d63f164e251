package dev.cachedeck.desktop.control;

import dev.cachedeck.model.Tier;

/** One tier's counters since the last reset, as the Control view's table shows them. */
public record TierTotalsRow(Tier tier, long hits, long misses, String hitRate, long puts, long errors,
                            long invalidations, long bypasses) {
}
