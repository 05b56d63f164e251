package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/jobs/{id}}: a job with a summary of the client who posted it. */
public record Job(
        long id,
        String title,
        String description,
        BigDecimal budget,
        JobStatus status,
        List<String> skills,
        Instant createdAt,
        Instant updatedAt,
        ClientSummary client) {
}
