package dev.cachedeck.model.keys;

import dev.cachedeck.model.Tier;

/**
 * {@code POST /admin/purge/preview} and {@code POST /admin/purge}. Every field is optional but at
 * least one is required; given fields narrow the selection together.
 *
 * @param pattern    a glob after the prefix ({@code q:reviews:*}); the server adds {@code <prefix>:}
 * @param tier       only keys of this tier
 * @param entityType with entityId: everything cached about one entity ("user" or "job") in every tier,
 *                   removed through the same invalidation a write uses, plus keys parsed to that entity
 */
public record PurgeRequest(String pattern, Tier tier, String entityType, Long entityId) {
}
