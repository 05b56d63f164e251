package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.time.Instant;

/** The client shown beside a job. */
public record ClientSummary(
        long id,
        String displayName,
        String location,
        Instant memberSince,
        long jobsPosted,
        long reviewsReceived,
        BigDecimal averageRating) {
}
