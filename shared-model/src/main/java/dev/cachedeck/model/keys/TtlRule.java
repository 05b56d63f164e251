package dev.cachedeck.model.keys;

import dev.cachedeck.model.Tier;

/**
 * One cell of the TTL policy table.
 *
 * @param dataType  profile, job, reviews, payments or job-list
 * @param ttlMillis base TTL before jitter, 1 s to 7 days
 */
public record TtlRule(Tier tier, String dataType, long ttlMillis) {
}
