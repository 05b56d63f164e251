package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.util.List;

/** Body of {@code PUT /api/profiles/{id}}: fields present are changed. */
public record ProfileChange(String displayName, String bio, List<String> skills, BigDecimal hourlyRate, String location) {
}
