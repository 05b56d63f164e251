package dev.cachedeck.model.keys;

/**
 * {@code PUT /admin/keys/{key}/ttl}: {@code {"ttlMillis": 60000}} sets the TTL,
 * {@code {"ttlMillis": null}} removes it (PERSIST). The field must be present.
 */
public record KeyTtlChange(Long ttlMillis) {
}
