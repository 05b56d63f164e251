package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.api.JobStatus;
import dev.cachedeck.model.api.ReviewFilter;
import dev.cachedeck.server.http.PageRequest;
import java.util.Locale;

/**
 * Every Redis key the application writes, built here and nowhere else. All start with the
 * configured prefix, so purges and the key browser can stay inside the application's namespace.
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
    String relative(String key) {
        return key.substring(prefix.length() + 1);
    }

    public String responseKey(String route, String pathAndNormalizedQuery, String principal) {
        return tier(Tier.RESPONSE) + route + ":" + pathAndNormalizedQuery + (principal.isEmpty() ? "" : "#" + principal);
    }

    public String user(long id) {
        return tier(Tier.MODEL) + "user:" + id;
    }

    public String job(long id) {
        return tier(Tier.MODEL) + "job:" + id;
    }

    public String profileStats(long userId) {
        return tier(Tier.QUERY) + "stats:user:" + userId;
    }

    public String clientSummary(long clientId) {
        return tier(Tier.QUERY) + "client-summary:" + clientId;
    }

    public String reviewsReceivedSummary(long userId) {
        return tier(Tier.QUERY) + "reviews:user:" + userId + ":summary";
    }

    public String reviewsReceivedPage(long userId, ReviewFilter filter, PageRequest page) {
        return tier(Tier.QUERY) + "reviews:user:" + userId + ":" + filter.name().toLowerCase(Locale.ROOT) + page(page);
    }

    public String reviewsWrittenCount(long reviewerId) {
        return tier(Tier.QUERY) + "reviews:reviewer:" + reviewerId + ":count";
    }

    public String reviewsWrittenPage(long reviewerId, PageRequest page) {
        return tier(Tier.QUERY) + "reviews:reviewer:" + reviewerId + page(page);
    }

    public String paymentTotals(long userId) {
        return tier(Tier.QUERY) + "payments:user:" + userId + ":totals";
    }

    public String paymentsPage(long userId, PageRequest page) {
        return tier(Tier.QUERY) + "payments:user:" + userId + page(page);
    }

    public String clientJobsCount(long clientId, JobStatus status) {
        return tier(Tier.QUERY) + "jobs:client:" + clientId + ":" + status(status) + ":count";
    }

    public String clientJobsPage(long clientId, JobStatus status, PageRequest page) {
        return tier(Tier.QUERY) + "jobs:client:" + clientId + ":" + status(status) + page(page);
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

    private static String page(PageRequest page) {
        return ":p" + page.number() + "x" + page.size();
    }

    private static String status(JobStatus status) {
        return status == null ? "any" : status.name().toLowerCase(Locale.ROOT);
    }
}
