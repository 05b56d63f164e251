package dev.cachedeck.model.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/get-profile/{id}}: a user's public profile with activity figures. */
public record Profile(
        long id,
        String displayName,
        String bio,
        List<String> skills,
        BigDecimal hourlyRate,
        String location,
        boolean client,
        Instant memberSince,
        Instant updatedAt,
        ProfileStats stats) {
}
