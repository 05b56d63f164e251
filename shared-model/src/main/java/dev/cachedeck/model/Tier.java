package dev.cachedeck.model;

import java.util.Locale;
import java.util.Optional;

/** The three cache tiers, in the order a request meets them. */
public enum Tier {
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

    public String displayName() {
        return displayName;
    }

    /** {@code response}, {@code query}, {@code model}: the name in configuration, admin paths, JSON and metrics. */
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
