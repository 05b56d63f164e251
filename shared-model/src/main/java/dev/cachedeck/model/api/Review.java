package dev.cachedeck.model.api;

import java.time.Instant;

/** A review row, as returned by review writes. */
public record Review(
        long id,
        long reviewerId,
        long reviewedId,
        Long jobId,
        int rating,
        String text,
        boolean read,
        Instant createdAt) {
}
