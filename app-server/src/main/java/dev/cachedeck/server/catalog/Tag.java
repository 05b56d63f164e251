package dev.cachedeck.server.catalog;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Something a cached entry depends on. A write names the tags it changes; every entry in every
 * tier that recorded one of them goes away. Built only through these factories, so a reader and a
 * writer can never spell the same dependency two ways. The engine sees only {@link #value()}.
 */
public record Tag(Kind kind, long id) {
    /** The kinds of tag, each naming one entity's data; the key tools read a tag's entity from here. */
    public enum Kind {
        USER("user", EntityType.USER),
        STATS("stats", EntityType.USER),
        REVIEWS_RECEIVED("reviews-received", EntityType.USER),
        REVIEWS_WRITTEN("reviews-written", EntityType.USER),
        PAYMENTS("payments", EntityType.USER),
        JOB("job", EntityType.JOB),
        JOBS_OF("jobs-of", EntityType.USER);

        private final String wireName;
        private final EntityType entity;

        Kind(String wireName, EntityType entity) {
            this.wireName = wireName;
            this.entity = entity;
        }

        public EntityType entity() {
            return entity;
        }

        static Kind fromWire(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** A user's own fields: name, bio, skills, rate, location (shown on profiles, lists, job pages). */
    public static Tag user(long id) {
        return new Tag(Kind.USER, id);
    }

    /** Counts and averages on a user's profile (reviews, jobs, payments). */
    public static Tag stats(long userId) {
        return new Tag(Kind.STATS, userId);
    }

    public static Tag reviewsReceived(long userId) {
        return new Tag(Kind.REVIEWS_RECEIVED, userId);
    }

    public static Tag reviewsWritten(long userId) {
        return new Tag(Kind.REVIEWS_WRITTEN, userId);
    }

    public static Tag payments(long userId) {
        return new Tag(Kind.PAYMENTS, userId);
    }

    public static Tag job(long jobId) {
        return new Tag(Kind.JOB, jobId);
    }

    public static Tag jobsOf(long clientId) {
        return new Tag(Kind.JOBS_OF, clientId);
    }

    /** {@code user:42}: the tag as the engine stores it in Redis. */
    public String value() {
        return kind.wireName + ":" + id;
    }

    /** The values of {@code tags}, for the engine. */
    public static Set<String> values(Set<Tag> tags) {
        return tags.stream().map(Tag::value).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return value();
    }
}
