package dev.cachedeck.server.catalog;

import java.util.HashSet;
import java.util.Set;

/**
 * Which tags each write makes stale: the one table of invalidation rules. Reads declare the same
 * tags when they cache (see the services), so a rule names data, never keys.
 */
public final class InvalidationRules {
    private InvalidationRules() {
    }

    public static Set<Tag> tagsOf(WriteEvent event) {
        return switch (event) {
            case WriteEvent.ReviewChanged r -> reviewChanged(r);
            // The profile itself and every list or page that shows this user's name (they carry user:{id}).
            case WriteEvent.ProfileUpdated p -> Set.of(Tag.user(p.userId()));
            case WriteEvent.PaymentCreated p -> Set.of(Tag.payments(p.payerId()), Tag.payments(p.payeeId()),
                    Tag.stats(p.payerId()), Tag.stats(p.payeeId()));
            case WriteEvent.JobChanged j -> Set.of(Tag.job(j.jobId()), Tag.jobsOf(j.clientId()), Tag.stats(j.clientId()));
            case WriteEvent.EntityInvalidated e -> entityTags(e.type(), e.id());
        };
    }

    /** Every tag an entity's data is cached under: what a manual invalidation or an entity purge removes. */
    public static Set<Tag> entityTags(EntityType type, long id) {
        return switch (type) {
            case USER -> Set.of(Tag.user(id), Tag.stats(id), Tag.reviewsReceived(id), Tag.reviewsWritten(id),
                    Tag.payments(id), Tag.jobsOf(id));
            case JOB -> Set.of(Tag.job(id));
        };
    }

    // Lists on both sides, both profiles' counts and averages, and the job's review count on job lists.
    private static Set<Tag> reviewChanged(WriteEvent.ReviewChanged review) {
        Set<Tag> tags = new HashSet<>(Set.of(Tag.reviewsReceived(review.reviewedId()),
                Tag.reviewsWritten(review.reviewerId()), Tag.stats(review.reviewerId()), Tag.stats(review.reviewedId())));
        if (review.jobId() != null) {
            tags.add(Tag.job(review.jobId()));
        }
        return Set.copyOf(tags);
    }
}
