package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of a client's job list. */
public record JobListItem(
        long id,
        String title,
        BigDecimal budget,
        JobStatus status,
        Instant createdAt,
        long reviewCount) {
}
