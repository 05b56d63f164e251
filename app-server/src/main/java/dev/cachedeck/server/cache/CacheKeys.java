package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;

/**
 * The application's Redis namespace: every key starts with the configured prefix, then a tier segment
 * for entries or a bookkeeping segment for tag sets, versions and the sequence, so purges and the key
 * browser can stay inside it. What follows the tier segment is spelled by the catalogue.
 */
public final class CacheKeys {
    private final String prefix;

    public CacheKeys(String prefix) {
        this.prefix = prefix;
    }

    /** Matches every key of the application, for SCAN. */
    public String everything() {
        return confined("*");
    }

    /**
     * A SCAN MATCH pattern for {@code relativeGlob} under the prefix. The prefix comes first, literally
     * (its glob characters escaped), and MATCH is anchored at the start of the key, so no glob after it
     * can select a key outside the application's namespace.
     */
    public String confined(String relativeGlob) {
        return escapeGlob(prefix) + ":" + relativeGlob;
    }

    /** Whether {@code key} lies in the application's namespace. */
    public boolean owns(String key) {
        return key.startsWith(prefix + ":");
    }

    /** The part of an owned key after {@code <prefix>:}. */
    public String relative(String key) {
        return key.substring(prefix.length() + 1);
    }

    /** A response-tier key: the route, then what identifies the answer within it (path, query, caller). */
    public String responseKey(String route, String variant) {
        return tier(Tier.RESPONSE) + route + ":" + variant;
    }

    /** A query-result or model-instance key: {@code relative} is the catalogue's spelling after the tier segment. */
    public String entry(Tier tier, String relative) {
        return tier(tier) + relative;
    }

    /** The set of keys that recorded {@code tag}. */
    public String tagSet(String tag) {
        return prefix + ":t:" + tag;
    }

    /** The invalidation sequence number last applied to {@code tag} (see {@link EntryStore}). */
    public String tagVersion(String tag) {
        return prefix + ":v:" + tag;
    }

    /** The global invalidation sequence. */
    public String sequence() {
        return prefix + ":seq";
    }

    /** The epoch of the database the cached entries came from (see {@code restart.CacheEpoch}). */
    public String epoch() {
        return prefix + ":epoch";
    }

    /** Where the server instance {@code id} keeps its registration (see {@code instance.InstanceRegistry}). */
    public String instance(String id) {
        return prefix + ":instance:" + id;
    }

    /** Matches every instance registration, for SCAN. */
    public String instances() {
        return confined("instance:*");
    }

    /**
     * Whether a flush of the application's keys leaves {@code key} alone: the sequence (versions must keep
     * rising), the database epoch and the instances' registrations are no cached data.
     */
    public boolean outlivesFlush(String key) {
        return key.equals(sequence()) || isServerKey(key);
    }

    /** The servers' own bookkeeping: the database epoch and the instance registrations. */
    public boolean isServerKey(String key) {
        return key.equals(epoch()) || key.startsWith(prefix + ":instance:");
    }

    /** The tier a key belongs to, or null for the bookkeeping keys (tag sets, versions, sequence, epoch). */
    public Tier tierOf(String key) {
        for (Tier tier : Tier.values()) {
            if (tier.inRedis() && key.startsWith(tier(tier))) {
                return tier;
            }
        }
        return null;
    }

    /** {@code cd:api:}: what every entry key of {@code tier} starts with. */
    public String entryPrefix(Tier tier) {
        return tier(tier);
    }

    private String tier(Tier tier) {
        return prefix + ":" + tier.keySegment() + ":";
    }

    private static String escapeGlob(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length());
        for (char c : literal.toCharArray()) {
            if ("*?[]\\^".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

}
