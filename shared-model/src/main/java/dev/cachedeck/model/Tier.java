package dev.cachedeck.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The cache tiers, in the order a request meets them. {@code NEAR} is each instance's in-process copy of
 * Redis entries; it has no Redis keys of its own (its key segment never appears in Redis).
 */
public enum Tier {
    NEAR("near", "Near (in-process)"),
    RESPONSE("api", "API response"),
    QUERY("q", "Query result"),
    MODEL("m", "Model instance");

    private final String keySegment;
    private final String displayName;

    Tier(String keySegment, String displayName) {
        this.keySegment = keySegment;
        this.displayName = displayName;
    }

    /** The segment after the prefix in every key of this tier: {@code cd:q:...}. */
    public String keySegment() {
        return keySegment;
    }

    /** False for {@code NEAR}: it holds copies of the other tiers' Redis entries, none of its own. */
    public boolean inRedis() {
        return this != NEAR;
    }

    public String displayName() {
        return displayName;
    }

    /** {@code near}, {@code response}, {@code query}, {@code model}: the name in configuration, admin paths, JSON and metrics. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tier whose {@link #wireName()} is {@code name}. */
    public static Optional<Tier> fromWire(String name) {
        for (Tier tier : values()) {
            if (tier.wireName().equals(name)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}
