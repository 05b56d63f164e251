package dev.cachedeck.server.cache;

import java.util.HashMap;
import java.util.Map;

/**
 * What one cache entry holds: the value's bytes and the tags it depends on, each with its
 * {@code asOf}: the invalidation sequence number read before the part of the value that depends on
 * that tag was loaded (that part reflects every write on the tag with a number up to it).
 */
public record Envelope(Map<String, Long> tags, byte[] payload) {
    public Envelope {
        tags = Map.copyOf(tags);
    }

    /** Stamps every tag of {@code parts} no later than {@code startSeq}, adding {@code declared} at {@code startSeq}. */
    public static Map<String, Long> stamp(Map<String, Long> parts, Iterable<String> declared, long startSeq) {
        Map<String, Long> tags = new HashMap<>();
        parts.forEach((tag, asOf) -> tags.put(tag, Math.min(asOf, startSeq)));
        declared.forEach(tag -> tags.merge(tag, startSeq, Math::min));
        return tags;
    }
}
