package dev.cachedeck.model.api;

import java.time.Instant;

/** A review as its recipient sees it, with the reviewer's name. */
public record ReceivedReview(
        long id,
        long reviewerId,
        String reviewerName,
        Long jobId,
        int rating,
        String text,
        boolean read,
        Instant createdAt) {
}
