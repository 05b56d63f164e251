package dev.cachedeck.model.keys;

import dev.cachedeck.model.Tier;

/**
 * One key as the key browser lists it.
 *
 * @param key        the full Redis key, prefix included
 * @param tier       the cache tier, or null for bookkeeping keys (tag sets, tag versions, the sequence)
 * @param kind       what the key is for
 * @param redisType  Redis's TYPE: string, set, ... ("none" when it vanished while being listed)
 * @param ttlMillis  PTTL: milliseconds left, -1 without expiry, -2 when it vanished
 * @param sizeBytes  MEMORY USAGE, -1 when unknown
 * @param entityType the entity the key belongs to: "user" or "job", null when it belongs to none
 * @param entityId   that entity's id, null with a null entityType
 * @param route      the cached API route whose data the key holds (profile, reviews, ratings, payments, job,
 *                   clientjobs), null for bookkeeping keys
 */
public record KeyInfo(String key, Tier tier, KeyKind kind, String redisType, long ttlMillis, long sizeBytes,
                      String entityType, Long entityId, String route) {
}
