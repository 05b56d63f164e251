package dev.cachedeck.model.keys;

/**
 * A tag a cached entry depends on.
 *
 * @param tag     e.g. {@code user:42}, {@code reviews-received:42}, {@code job:7}
 * @param asOf    the invalidation sequence number the entry's data reflects for this tag
 * @param version the tag's current version in Redis, null when none is recorded (no recent write);
 *                an entry whose asOf is below it is stale and is never served
 */
public record TagDependency(String tag, long asOf, Long version) {
}
