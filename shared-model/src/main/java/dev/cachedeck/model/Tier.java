package dev.cachedeck.model;

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
}
