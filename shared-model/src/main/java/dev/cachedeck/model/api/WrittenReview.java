package dev.cachedeck.model.api;

import java.time.Instant;

/** A review as its author sees it, with the reviewed user's name. */
public record WrittenReview(
        long id,
        long reviewedId,
        String reviewedName,
        Long jobId,
        int rating,
        String text,
        Instant createdAt) {
}
