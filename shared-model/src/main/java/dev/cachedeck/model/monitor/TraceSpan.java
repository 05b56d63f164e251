package dev.cachedeck.model.monitor;

/**
 * One step of a {@link RequestTrace}, placed by {@code startMicros} after the request began.
 *
 * @param kind    what the step was
 * @param name    the tier ({@code RESPONSE}, {@code QUERY}, {@code MODEL}), the SQL text with parameters elided,
 *                or what was serialized
 * @param key     the cache key for a tier lookup, null otherwise
 * @param outcome HIT, MISS, ERROR (Redis did not answer) or BYPASS (tier off) for a tier lookup, null otherwise
 */
public record TraceSpan(Kind kind, String name, String key, String outcome, long startMicros, long durationMicros) {

    public enum Kind { TIER, SQL, SERIALIZATION }
}
