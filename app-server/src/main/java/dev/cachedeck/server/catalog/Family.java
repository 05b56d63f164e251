package dev.cachedeck.server.catalog;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.cache.DataType;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Every family of query-result and model-instance keys, in one table: the key's shape after the tier
 * segment, the entity its id names, the cached route whose data it holds, its TTL data type and the tags
 * it depends on before any value is read. Keys are built from the template and parsed back by its text
 * up to {@code {id}}, so a new family is written once. Values may add tags of their own (a page of
 * reviews depends on every reviewer it names): {@link CacheCatalog} adds those.
 */
public enum Family {
    USER(Tier.MODEL, "user:{id}", EntityType.USER, "profile", DataType.PROFILE, id -> Set.of(Tag.user(id))),
    JOB(Tier.MODEL, "job:{id}", EntityType.JOB, "job", DataType.JOB, id -> Set.of(Tag.job(id))),
    PROFILE_STATS(Tier.QUERY, "stats:user:{id}", EntityType.USER, "profile", DataType.PROFILE,
            id -> Set.of(Tag.stats(id))),
    CLIENT_SUMMARY(Tier.QUERY, "client-summary:{id}", EntityType.USER, "job", DataType.JOB,
            id -> Set.of(Tag.user(id), Tag.stats(id))),
    REVIEWS_RECEIVED_SUMMARY(Tier.QUERY, "reviews:user:{id}:summary", EntityType.USER, "reviews", DataType.REVIEWS,
            id -> Set.of(Tag.reviewsReceived(id))),
    REVIEWS_RECEIVED_PAGE(Tier.QUERY, "reviews:user:{id}:{filter}:{page}", EntityType.USER, "reviews",
            DataType.REVIEWS, id -> Set.of(Tag.reviewsReceived(id))),
    REVIEWS_WRITTEN_COUNT(Tier.QUERY, "reviews:reviewer:{id}:count", EntityType.USER, "ratings", DataType.REVIEWS,
            id -> Set.of(Tag.reviewsWritten(id))),
    REVIEWS_WRITTEN_PAGE(Tier.QUERY, "reviews:reviewer:{id}:{page}", EntityType.USER, "ratings", DataType.REVIEWS,
            id -> Set.of(Tag.reviewsWritten(id))),
    PAYMENT_TOTALS(Tier.QUERY, "payments:user:{id}:totals", EntityType.USER, "payments", DataType.PAYMENTS,
            id -> Set.of(Tag.payments(id))),
    PAYMENTS_PAGE(Tier.QUERY, "payments:user:{id}:{page}", EntityType.USER, "payments", DataType.PAYMENTS,
            id -> Set.of(Tag.payments(id))),
    CLIENT_JOBS_COUNT(Tier.QUERY, "jobs:client:{id}:{status}:count", EntityType.USER, "clientjobs", DataType.JOB_LIST,
            id -> Set.of(Tag.jobsOf(id))),
    CLIENT_JOBS_PAGE(Tier.QUERY, "jobs:client:{id}:{status}:{page}", EntityType.USER, "clientjobs",
            DataType.JOB_LIST, id -> Set.of(Tag.jobsOf(id)));

    private static final String ID = "{id}";

    private final Tier tier;
    private final String template;
    private final EntityType entity;
    private final String route;
    private final DataType type;
    private final LongFunction<Set<Tag>> tags;

    Family(Tier tier, String template, EntityType entity, String route, DataType type, LongFunction<Set<Tag>> tags) {
        this.tier = tier;
        this.template = template;
        this.entity = entity;
        this.route = route;
        this.type = type;
        this.tags = tags;
    }

    public Tier tier() {
        return tier;
    }

    public EntityType entity() {
        return entity;
    }

    /** The cached route whose data this family holds (the key tools group and purge by it). */
    public String route() {
        return route;
    }

    public DataType type() {
        return type;
    }

    public Set<Tag> tags(long id) {
        return tags.apply(id);
    }

    /** The text of every key of this family up to its id: {@code reviews:user:}. */
    String start() {
        return template.substring(0, template.indexOf(ID));
    }

    /**
     * The key after the tier segment, with {@code id} and then {@code parts} in the order of the template's
     * other placeholders: {@code REVIEWS_RECEIVED_PAGE.relativeKey(7, "all", "p1x20")}.
     */
    String relativeKey(long id, String... parts) {
        StringBuilder key = new StringBuilder(template.replace(ID, Long.toString(id)));
        for (String part : parts) {
            int open = key.indexOf("{");
            if (open < 0) {
                throw new IllegalArgumentException(name() + " has fewer placeholders than parts");
            }
            key.replace(open, key.indexOf("}", open) + 1, part);
        }
        if (key.indexOf("{") >= 0) {
            throw new IllegalArgumentException(name() + " needs more parts than " + parts.length);
        }
        return key.toString();
    }
}
