package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.util.List;

/** Body of {@code POST /api/jobs} (all but skills required) and {@code PUT /api/jobs/{id}} (fields present are changed). */
public record JobDraft(Long clientId, String title, String description, BigDecimal budget, JobStatus status, List<String> skills) {
}
