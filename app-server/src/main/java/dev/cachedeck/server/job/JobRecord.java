package dev.cachedeck.server.job;

import dev.cachedeck.model.api.JobStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A jobs row: the model-tier entity behind job details. */
public record JobRecord(
        long id,
        long clientId,
        String title,
        String description,
        BigDecimal budget,
        JobStatus status,
        List<String> skills,
        Instant createdAt,
        Instant updatedAt) {
}
