package dev.cachedeck.model.monitor;

/** What one tier did during one {@link StatsTick}, summed over all routes. */
public record TierTick(long hits, long misses, long errors, long puts) {
}
